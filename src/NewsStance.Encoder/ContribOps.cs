using System.Text;

namespace NewsStance.Encoder;

/// <summary>ONNX Runtime's own operators (<c>com.microsoft</c>), which the graph rewrites use.</summary>
internal static class ContribOps
{
    public const string Domain = "com.microsoft";

    /// <summary><paramref name="model"/> with the contrib domain among its opset imports.</summary>
    public static byte[] EnsureImported(byte[] model)
    {
        if (IsImported(model)) return model;
        // A repeated field appended at the end of a message is one more element: the contrib domain's opset_import.
        using var output = new MemoryStream(model.Length + 32);
        output.Write(model);
        using var opset = new MemoryStream();
        Protobuf.WriteField(opset, 1, Encoding.UTF8.GetBytes(Domain));
        Protobuf.WriteVarintField(opset, 2, 1);
        Protobuf.WriteField(output, 8, opset.ToArray()); // ModelProto.opset_import
        return output.ToArray();
    }

    private static bool IsImported(byte[] model)
    {
        var reader = new Wire(model, 0, model.Length);
        while (reader.Next(out int field, out int type))
        {
            if (field == 8 && type == 2 && OnnxReader.FirstString(reader, 1) == Domain) return true; // ModelProto.opset_import's domain
            reader.Skip(type);
        }
        return false;
    }
}
