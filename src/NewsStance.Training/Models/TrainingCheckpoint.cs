using System.Security.Cryptography;
using System.Text;
using NewsStance.Encoder;
using NewsStance.Internal.Models;

namespace NewsStance.Training.Models;

/// <summary>Where the fine-tuning loop stands: the next batch to run and what early stopping has seen.</summary>
internal sealed record TrainingPosition(int Step, int Epoch, int Batch, int SinceBest, double BestF1);

/// <summary>
/// A checkpoint of an encoder fine-tuning run, so an interrupted run (Ctrl+C, a crash, a reboot) goes on where it stopped
/// and ends with the very bundle an uninterrupted run writes: the weights training changes, AdamW's moments and step,
/// the best weights early stopping kept, and the loop's position. It is named by a digest of everything that decides
/// the run (rows, labels, settings, seed), so only the same command resumes it. One file, written atomically
/// (<see cref="CacheFileWriter"/>); deleted once the bundle is written.
/// </summary>
internal sealed class TrainingCheckpoint(string path, string key)
{
    private const string Magic = "NSCKPT02";

    /// <summary>The checkpoint file.</summary>
    public string Path { get; } = path;

    /// <summary>The checkpoint of the run that <paramref name="identity"/> describes, in <paramref name="folder"/>.</summary>
    public static TrainingCheckpoint For(string folder, IEnumerable<string> identity)
    {
        var digest = new StringBuilder();
        foreach (var part in identity) digest.Append(part.Length).Append(':').Append(part).Append('\n');
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(digest.ToString())));
        return new TrainingCheckpoint(System.IO.Path.Combine(folder, $"encoder-{key[..16]}.ckpt"), key);
    }

    /// <summary>Saves the run's state; false when the file could not be written (the run goes on without it).</summary>
    public bool Save(TrainingPosition at, IReadOnlyList<Parameter> stored, float[][]? best, AdamW optimizer)
    {
        return CacheFileWriter.TryWrite(Path, stream =>
        {
            using var w = new BinaryWriter(new BufferedStream(stream, 1 << 20), Encoding.UTF8);
            w.Write(Magic);
            w.Write(key);
            w.Write(at.Step); w.Write(at.Epoch); w.Write(at.Batch); w.Write(at.SinceBest); w.Write(at.BestF1);
            w.Write(optimizer.Steps);
            w.Write(stored.Count);
            foreach (var p in stored) { w.Write(p.Name); Floats(w, p.Value); }
            w.Write(best is not null);
            if (best is not null) foreach (var values in best) Floats(w, values);
            var moments = optimizer.Moments.ToList();
            w.Write(moments.Count);
            foreach (var (p, m, v) in moments) { w.Write(p.Name); Floats(w, m); Floats(w, v); }
        });
    }

    /// <summary>
    /// Restores a saved run into <paramref name="stored"/> and <paramref name="optimizer"/>. Null when there is no
    /// checkpoint; a file that is not this run's, or damaged, is reported through <paramref name="problem"/> and ignored.
    /// </summary>
    public TrainingPosition? TryRestore(IReadOnlyList<Parameter> stored, AdamW optimizer, out float[][]? best, out string? problem)
    {
        best = null; problem = null;
        if (!File.Exists(Path)) return null;
        try
        {
            using var r = new BinaryReader(File.OpenRead(Path), Encoding.UTF8);
            if (r.ReadString() != Magic || r.ReadString() != key) { problem = "it belongs to another run or another version"; return null; }
            var at = new TrainingPosition(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadDouble());
            int steps = r.ReadInt32();
            // Read everything before touching the model, so a damaged file leaves it as it was.
            if (r.ReadInt32() != stored.Count) { problem = "its weights do not match this encoder"; return null; }
            var values = new float[stored.Count][];
            for (int i = 0; i < stored.Count; i++)
                if (r.ReadString() != stored[i].Name || (values[i] = ReadFloats(r)).Length != stored[i].Length) { problem = "its weights do not match this encoder"; return null; }
            float[][]? kept = null;
            if (r.ReadBoolean())
            {
                kept = new float[stored.Count][];
                for (int i = 0; i < stored.Count; i++)
                    if ((kept[i] = ReadFloats(r)).Length != stored[i].Length) { problem = "its best weights do not match this encoder"; return null; }
            }
            var moments = optimizer.Moments.ToList();
            if (r.ReadInt32() != moments.Count) { problem = "its optimiser state does not match this run"; return null; }
            var read = new (float[] M, float[] V)[moments.Count];
            for (int i = 0; i < moments.Count; i++)
            {
                if (r.ReadString() != moments[i].Parameter.Name) { problem = "its optimiser state does not match this run"; return null; }
                read[i] = (ReadFloats(r), ReadFloats(r));
                if (read[i].M.Length != moments[i].FirstMoment.Length || read[i].V.Length != moments[i].SecondMoment.Length) { problem = "its optimiser state does not match this run"; return null; }
            }
            for (int i = 0; i < stored.Count; i++) Array.Copy(values[i], stored[i].Value, stored[i].Length);
            for (int i = 0; i < moments.Count; i++)
            {
                Array.Copy(read[i].M, moments[i].FirstMoment, read[i].M.Length);
                Array.Copy(read[i].V, moments[i].SecondMoment, read[i].V.Length);
            }
            optimizer.Steps = steps;
            best = kept;
            return at;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException)
        {
            problem = $"it could not be read ({e.Message})";
            return null;
        }
    }

    /// <summary>Deletes the checkpoint (the run it belongs to has written its bundle). Never throws.</summary>
    public void Delete()
    {
        try { File.Delete(Path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static void Floats(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] ReadFloats(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || (long)n * sizeof(float) > r.BaseStream.Length - r.BaseStream.Position) throw new EndOfStreamException("the file is truncated");
        var values = new float[n];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        while (bytes.Length > 0)
        {
            int read = r.Read(bytes);
            if (read == 0) throw new EndOfStreamException("the file is truncated");
            bytes = bytes[read..];
        }
        return values;
    }
}
