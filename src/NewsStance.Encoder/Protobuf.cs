namespace NewsStance.Encoder;

/// <summary>Writes the few protobuf fields the ONNX graph edits need (length-delimited and varint).</summary>
internal static class Protobuf
{
    public static void WriteField(Stream output, int field, byte[] payload)
    {
        WriteVarint(output, (ulong)field << 3 | 2);
        WriteVarint(output, (ulong)payload.Length);
        output.Write(payload);
    }

    public static void WriteVarintField(Stream output, int field, ulong value)
    {
        WriteVarint(output, (ulong)field << 3);
        WriteVarint(output, value);
    }

    public static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        output.WriteByte((byte)value);
    }

    /// <summary>Skips the field whose key was just read; returns where the cursor is after it.</summary>
    public static int SkipFrom(ref Wire wire, int type)
    {
        wire.Skip(type);
        return wire.Position;
    }
}
