namespace NewsStance.Encoder;

/// <summary>Rewrites one length-delimited sub-message, given a cursor over it.</summary>
internal delegate byte[] SubMessageRewriter(Wire message);

/// <summary>Writes the few protobuf fields the ONNX graph edits need (length-delimited and varint).</summary>
internal static class Protobuf
{
    /// <summary>A copy of <paramref name="message"/> with every length-delimited field <paramref name="field"/> rewritten; other fields copied byte for byte.</summary>
    public static byte[] ReplaceField(byte[] message, int field, SubMessageRewriter rewrite)
    {
        using var output = new MemoryStream(message.Length);
        var reader = new Wire(message, 0, message.Length);
        int start = reader.Position;
        while (reader.Next(out int f, out int type))
        {
            if (f == field && type == 2) WriteField(output, field, rewrite(reader.Sub()));
            else
            {
                reader.Skip(type);
                output.Write(message, start, reader.Position - start);
            }
            start = reader.Position;
        }
        return output.ToArray();
    }

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
