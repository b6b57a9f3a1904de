using System.Runtime.InteropServices;

namespace NewsStance.Internal.Models;

/// <summary>
/// Arrays in the model cache's files (<see cref="ModelCache"/>): a count, then the items. A count is checked against
/// the file's length before anything is allocated, so a damaged file fails its read instead of asking for gigabytes.
/// </summary>
internal static class CacheFileArrays
{
    /// <summary>A count read before an array's items.</summary>
    public static int Count(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length) throw new InvalidDataException($"an array of {count} items in a file of {reader.BaseStream.Length} bytes");
        return count;
    }

    /// <summary>Writes the count and the raw bytes of <paramref name="values"/>.</summary>
    public static void Write<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>Reads an array written by <see cref="Write{T}"/>.</summary>
    public static T[] Read<T>(BinaryReader reader) where T : unmanaged
    {
        var values = new T[Count(reader)];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
