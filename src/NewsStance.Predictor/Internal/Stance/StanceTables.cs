using System.Collections.Immutable;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using NewsStance.Internal.Models;

namespace NewsStance.Internal.Stance;

/// <summary>
/// Everything <see cref="LinearStanceScorer"/> needs of a trained n-gram stance chain, as plain arrays: the slot
/// names and kept slots of each text column, the cue names, the polarity scaling, the linear model's weights and
/// biases, and the labels. Read once from the ML.NET chain (<see cref="FromChain"/>), which takes ML.NET about half
/// a second (it builds 100,000+ slot names); written to and read from the model cache (<see cref="Write"/>,
/// <see cref="Read"/>) in a few milliseconds, so a warm start never loads ML.NET.
/// </summary>
internal sealed class StanceTables
{
    /// <summary>The version of <see cref="Write"/>'s layout: a cache file of another version is not read.</summary>
    public const int FormatVersion = 2;

    /// <summary>One <c>FeaturizeText</c> column: its n-gram dictionary, the slots count-based selection kept, and its normaliser's punctuation setting.</summary>
    public sealed record Column(NgramSlots Slots, int[] Kept, bool KeepPunctuation);

    public required string[] Labels { get; init; }
    public required Column Text { get; init; }
    public required Column Window { get; init; }
    public required Column Negated { get; init; }
    public required string[] Cues { get; init; }
    public required float[] PolarityScale { get; init; }
    public required float[] PolarityOffset { get; init; }
    /// <summary>The weights by feature, then class (<c>[feature * classes + class]</c>).</summary>
    public required float[] Weights { get; init; }
    public required float[] Biases { get; init; }

    /// <summary>
    /// Reads the tables from a chain the stance trainer built with n-gram features
    /// (<c>StanceTrainer.Features()</c> + a linear multiclass trainer).
    /// </summary>
    /// <exception cref="NotSupportedException">The chain has another shape; the message says what differs.</exception>
    public static StanceTables FromChain(MLContext ml, ITransformer model)
    {
        var schema = model.GetOutputSchema(ml.Data.LoadFromEnumerable(Array.Empty<StanceRow>()).Schema);
        var linear = Find<ISingleFeaturePredictionTransformer<LinearMulticlassModelParametersBase>>(model)
            ?? throw new NotSupportedException("the stance model is not a linear multiclass model");
        if (linear.Model is not MaximumEntropyModelParameters)
            throw new NotSupportedException($"the stance model's scores are not a softmax ({linear.Model.GetType().Name})");
        var scaling = Find<NormalizingTransformer>(model)?.GetNormalizerModelParameters(0) as NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>>
            ?? throw new NotSupportedException("no min-max scaling of the polarity counts");

        const string Text = nameof(StanceRow.Text) + "Features", Window = nameof(StanceRow.Window) + "Features", Negated = nameof(StanceRow.Negated) + "Features";
        var kept = KeptSlots(ml, model, Size(schema, Text), Size(schema, Window));
        // The text column's 100,000+ slot names take ML.NET most of the time: built on another core meanwhile.
        var textSlots = Task.Run(() => NgramSlots.FromSlotNames(SlotNames(schema, Text, last: false)));
        var window = new Column(NgramSlots.FromSlotNames(SlotNames(schema, Window, last: false)), kept.Window, StanceFeaturizer.WindowKeepsPunctuation);
        var negatedSlots = NgramSlots.FromSlotNames(SlotNames(schema, Negated, last: false));
        var negated = new Column(negatedSlots, [.. Enumerable.Range(0, negatedSlots.Count)], StanceFeaturizer.NegatedKeepsPunctuation);
        var cues = SlotNames(schema, nameof(StanceRow.Cue) + "Features", last: true);
        var text = new Column(textSlots.GetAwaiter().GetResult(), kept.Text, StanceFeaturizer.TextKeepsPunctuation);
        int polarityCount = schema.Single(c => c.Name == nameof(StanceRow.Polarity) + "Features").Type is VectorDataViewType v ? v.Size : 0;
        var scale = scaling.Scale.ToArray();
        var offset = scaling.Offset.IsDefaultOrEmpty ? new float[scale.Length] : scaling.Offset.ToArray();
        if (scale.Length != polarityCount || offset.Length != polarityCount)
            throw new NotSupportedException($"the polarity scaling has {scale.Length} slots for {polarityCount} counts");

        VBuffer<float>[] rows = [];
        linear.Model.GetWeights(ref rows, out int classes);
        var biases = linear.Model.GetBiases().ToArray();
        int features = schema[linear.FeatureColumnName].Type is VectorDataViewType f ? f.Size : 0;
        int expected = text.Kept.Length + window.Kept.Length + negated.Kept.Length + cues.Length + polarityCount;
        if (linear.FeatureColumnName != "Features" || features != expected)
            throw new NotSupportedException($"the model's features ('{linear.FeatureColumnName}', {features}) are not text, window, negated, cue and polarity ({expected})");
        if (biases.Length != classes || rows.Length != classes)
            throw new NotSupportedException($"{rows.Length} weight rows and {biases.Length} biases for {classes} classes");
        var weights = new float[features * classes];
        for (int k = 0; k < classes; k++)
        {
            if (rows[k].Length != features) throw new NotSupportedException($"class {k} has {rows[k].Length} weights for {features} features");
            foreach (var (index, value) in rows[k].Items()) weights[index * classes + k] = value;
        }
        // The score vector's slots are named by the label keys, in key order.
        VBuffer<ReadOnlyMemory<char>> labelNames = default;
        schema["Score"].GetSlotNames(ref labelNames);
        var labels = labelNames.DenseValues().Select(n => n.ToString()).ToArray();
        if (labels.Length != classes) throw new NotSupportedException($"{labels.Length} labels for {classes} classes");
        return new StanceTables
        {
            Labels = labels, Text = text, Window = window, Negated = negated, Cues = cues,
            PolarityScale = scale, PolarityOffset = offset, Weights = weights, Biases = biases,
        };
    }

    /// <summary>Writes the tables in <see cref="FormatVersion"/>'s layout.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(FormatVersion);
        WriteStrings(writer, Labels);
        foreach (var column in new[] { Text, Window, Negated })
        {
            column.Slots.Write(writer);
            CacheFileArrays.Write(writer, column.Kept);
            writer.Write(column.KeepPunctuation);
        }
        WriteStrings(writer, Cues);
        CacheFileArrays.Write(writer, PolarityScale);
        CacheFileArrays.Write(writer, PolarityOffset);
        CacheFileArrays.Write(writer, Weights);
        CacheFileArrays.Write(writer, Biases);
    }

    /// <summary>Reads tables <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The data is of another version or does not hold together.</exception>
    public static StanceTables Read(BinaryReader reader)
    {
        int version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"stance tables of version {version}, not {FormatVersion}");
        var labels = ReadStrings(reader);
        var columns = new Column[3];
        for (int i = 0; i < columns.Length; i++) columns[i] = new Column(NgramSlots.Read(reader), CacheFileArrays.Read<int>(reader), reader.ReadBoolean());
        var tables = new StanceTables
        {
            Labels = labels, Text = columns[0], Window = columns[1], Negated = columns[2], Cues = ReadStrings(reader),
            PolarityScale = CacheFileArrays.Read<float>(reader), PolarityOffset = CacheFileArrays.Read<float>(reader), Weights = CacheFileArrays.Read<float>(reader), Biases = CacheFileArrays.Read<float>(reader),
        };
        int features = tables.Text.Kept.Length + tables.Window.Kept.Length + tables.Negated.Kept.Length + tables.Cues.Length + tables.PolarityScale.Length;
        if (tables.Labels.Length != tables.Biases.Length || tables.Weights.Length != features * tables.Biases.Length
            || tables.PolarityOffset.Length != tables.PolarityScale.Length)
            throw new InvalidDataException("stance tables whose sizes do not agree");
        return tables;
    }

    private static void WriteStrings(BinaryWriter writer, string[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values) writer.Write(value);
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[CacheFileArrays.Count(reader)];
        for (int i = 0; i < values.Length; i++) values[i] = reader.ReadString();
        return values;
    }

    /// <summary>
    /// The slots count-based selection keeps of each column: the chain's slot droppers run on one row whose slot i
    /// holds i + 1, so what comes out names the kept slots. (Reading the kept slot names instead would build all of
    /// the text column's 100,000+ names a second time, about half a second.)
    /// </summary>
    private static (int[] Text, int[] Window) KeptSlots(MLContext ml, ITransformer model, int textSize, int windowSize)
    {
        var definition = SchemaDefinition.Create(typeof(SlotRow));
        definition[nameof(SlotRow.TextFeatures)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, textSize);
        definition[nameof(SlotRow.WindowFeatures)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, windowSize);
        var row = new SlotRow
        {
            TextFeatures = [.. Enumerable.Range(1, textSize).Select(i => (float)i)],
            WindowFeatures = [.. Enumerable.Range(1, windowSize).Select(i => (float)i)],
        };
        IDataView view = ml.Data.LoadFromEnumerable([row], definition);
        // The droppers' type is internal to ML.NET: found by name (a wrong find shows in the probe check).
        foreach (var dropper in All<ITransformer>(model).Where(t => t.GetType().Name == "SlotsDroppingTransformer")) view = dropper.Transform(view);
        int[] Kept(string column)
        {
            // One plain cursor (GetColumn would split the row over background threads).
            using var cursor = view.GetRowCursor([view.Schema[column]]);
            var getter = cursor.GetGetter<VBuffer<float>>(view.Schema[column]);
            VBuffer<float> values = default;
            if (!cursor.MoveNext()) throw new NotSupportedException("the slot droppers returned no row");
            getter(ref values);
            return [.. values.DenseValues().Select(v => (int)v - 1)];
        }
        return (Kept(nameof(SlotRow.TextFeatures)), Kept(nameof(SlotRow.WindowFeatures)));
    }

    /// <summary>The two selected columns, for <see cref="KeptSlots"/>.</summary>
    private sealed class SlotRow
    {
        public float[] TextFeatures { get; set; } = [];
        public float[] WindowFeatures { get; set; } = [];
    }

    // A column the chain rewrites (count-based selection) appears twice: the featurizer's output first, the final one last.
    private static string[] SlotNames(DataViewSchema schema, string column, bool last)
    {
        var columns = schema.Where(c => c.Name == column).ToList();
        if (columns.Count == 0) throw new NotSupportedException($"the model has no '{column}' column");
        var chosen = last ? columns[^1] : columns[0];
        if (!chosen.HasSlotNames()) throw new NotSupportedException($"'{column}' has no slot names");
        VBuffer<ReadOnlyMemory<char>> names = default;
        chosen.GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }

    // The size of the featurizer's output (the first column of the name).
    private static int Size(DataViewSchema schema, string column)
        => schema.FirstOrDefault(c => c.Name == column).Type is VectorDataViewType { Size: > 0 } vector ? vector.Size
            : throw new NotSupportedException($"the model has no fixed-size '{column}' column");

    private static T? Find<T>(ITransformer model) where T : class => All<T>(model).FirstOrDefault();

    // The transformers of a chain and of its sub-chains, in order (a chain itself is not listed).
    private static IEnumerable<T> All<T>(ITransformer model) where T : class
    {
        if (model is IEnumerable<ITransformer> chain)
            foreach (var t in chain) foreach (var inner in All<T>(t)) yield return inner;
        else if (model is T found) yield return found;
    }
}
