namespace NewsStance.Encoder;

/// <summary>A named weight tensor and its gradient (allocated only when the weight is trained).</summary>
internal sealed class Parameter(string name, float[] value, bool trainable)
{
    public string Name { get; } = name;
    public float[] Value { get; } = value;
    public float[] Grad { get; } = trainable ? new float[value.Length] : [];
    public bool Trainable { get; } = trainable;
    public int Length => Value.Length;

    public void ZeroGrad() => Array.Clear(Grad);
}
