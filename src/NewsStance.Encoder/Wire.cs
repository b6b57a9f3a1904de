using System.Text;

namespace NewsStance.Encoder;

/// <summary>A cursor over protobuf wire data.</summary>
internal ref struct Wire
{
    private readonly byte[] buffer;
    private readonly int end;
    private int _pos;

    public Wire(byte[] buffer, int position, int end)
    {
        this.buffer = buffer;
        this.end = end;
        _pos = position;
    }

    public readonly bool End => _pos >= end;

    /// <summary>The byte the cursor is at: where the next field starts, before <see cref="Next"/> reads its key.</summary>
    public readonly int Position => _pos;

    public bool Next(out int field, out int type)
    {
        if (_pos >= end) { field = type = 0; return false; }
        long key = Varint();
        field = (int)(key >> 3);
        type = (int)(key & 7);
        return true;
    }

    public long Varint()
    {
        long value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = buffer[_pos++];
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    public float Float()
    {
        float v = BitConverter.ToSingle(buffer, _pos);
        _pos += 4;
        return v;
    }

    public ReadOnlySpan<byte> Bytes() => Bytes(out _);

    public ReadOnlySpan<byte> Bytes(out int offset)
    {
        int length = checked((int)Varint());
        offset = _pos;
        var span = new ReadOnlySpan<byte>(buffer, _pos, length);
        _pos += length;
        return span;
    }

    public string String() => Encoding.UTF8.GetString(Bytes());

    public Wire Sub()
    {
        int length = checked((int)Varint());
        var sub = new Wire(buffer, _pos, _pos + length);
        _pos += length;
        return sub;
    }

    public void Skip(int type)
    {
        switch (type)
        {
            case 0: Varint(); break;
            case 1: _pos += 8; break;
            case 2: { int length = checked((int)Varint()); _pos += length; break; } // length first: `_pos += Varint()` would read _pos before Varint moves it
            case 5: _pos += 4; break;
            default: throw new InvalidDataException($"unsupported protobuf wire type {type} at byte {_pos}");
        }
    }
}
