using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// The LoRA adapters of one model. <see cref="Attach"/> freezes every base parameter (requires_grad off) and hooks an
/// adapter into each target <see cref="Dense"/> layer; the adapters are not submodules, so the model's own parameters
/// (and its HF checkpoint) stay exactly the base's. With the adapters disabled the model is the base model, which is
/// the KL reference (<see cref="Reference"/>): no second copy of the weights.
/// </summary>
public sealed class LoraAdapters : IDisposable
{
    private readonly List<LoraAdapter> adapters = [];
    private readonly Device device;
    private Generator? dropoutGenerator;

    private LoraAdapters(Qwen3ForCausalLM model, LoraOptions options, string baseModelPath)
    {
        Options = options;
        BaseModelPath = baseModelPath;
        device = model.Device;
        Reference = new LoraBaseModel(model, this);
    }

    /// <summary>Rank, α, dropout and targets.</summary>
    public LoraOptions Options { get; }

    /// <summary>The base model folder (PEFT's base_model_name_or_path).</summary>
    public string BaseModelPath { get; }

    /// <summary>Adapters in module order.</summary>
    public IReadOnlyList<LoraAdapter> Adapters => adapters;

    /// <summary>The base model: the same model seen with its adapters switched off.</summary>
    public ICausalLm Reference { get; }

    /// <summary>Whether the adapters contribute to the forward pass.</summary>
    public bool Enabled { get; private set; } = true;

    /// <summary>The trainable parameters, named "&lt;module&gt;.lora_A.weight" / "&lt;module&gt;.lora_B.weight" (PEFT's names without the "base_model.model." prefix).</summary>
    public IReadOnlyList<(string Name, Parameter Param)> NamedParameters =>
        [.. adapters.SelectMany(a => new[] { ($"{a.Module}.lora_A.weight", a.A), ($"{a.Module}.lora_B.weight", a.B) })];

    /// <summary>Number of trainable (adapter) parameters.</summary>
    public long ParameterCount => adapters.Sum(a => a.A.NumberOfElements + a.B.NumberOfElements);

    /// <summary>
    /// Adds adapters to the layers of <paramref name="model"/> named in <paramref name="options"/> and freezes the base.
    /// A is drawn on the CPU from <paramref name="seed"/>, layer by layer in module order, so the same seed gives the same adapters on any device.
    /// </summary>
    public static LoraAdapters Attach(Qwen3ForCausalLM model, LoraOptions options, long seed, string baseModelPath)
    {
        if (model.Adapters is not null)
        {
            throw new G2rlException("the model already has LoRA adapters");
        }
        var lora = new LoraAdapters(model, options, baseModelPath);
        using var init = new Generator(unchecked((ulong)seed));
        foreach (var (name, module) in model.named_modules())
        {
            if (module is Dense dense && options.Targets.Contains(name[(name.LastIndexOf('.') + 1)..]))
            {
                var adapter = new LoraAdapter(lora, name, dense.Weight.shape[1], dense.Weight.shape[0], model.Device, init);
                lora.adapters.Add(adapter);
                dense.Adapter = adapter;
            }
        }
        var missing = options.Targets.Where(t => !lora.adapters.Any(a => a.Module.EndsWith("." + t, StringComparison.Ordinal))).ToList();
        if (missing.Count > 0)
        {
            throw new G2rlException($"model.lora.targets: no linear layer named {string.Join(", ", missing)}");
        }
        foreach (var p in model.parameters())
        {
            p.requires_grad = false;
        }
        // With a frozen embedding a checkpointed layer would never run its backward (see Embedding.OutputRequiresGrad).
        model.Backbone.EmbedTokens.OutputRequiresGrad = true;
        model.Adapters = lora;
        return lora;
    }

    /// <summary>Switches the adapters off until the returned handle is disposed.</summary>
    public IDisposable Disable()
    {
        var was = Enabled;
        Enabled = false;
        return new Restore(() => Enabled = was);
    }

    /// <summary>Seeds the dropout masks of the next training forwards (one seed per step keeps resume exact).</summary>
    public void ReseedDropout(long seed)
    {
        dropoutGenerator?.Dispose();
        dropoutGenerator = new Generator(unchecked((ulong)seed)); // always a CPU generator (TorchSharp's generators are CPU-only)
    }

    /// <summary>
    /// Inverted dropout of x [..., in] float32 with the seeded generator. The uniforms are drawn on the CPU (the same bits on
    /// every device) and the keep mask is moved to x's device.
    /// </summary>
    internal Tensor Dropout(Tensor x)
    {
        dropoutGenerator ??= new Generator(0);
        using var uniforms = torch.rand(x.shape, ScalarType.Float32, CPU, generator: dropoutGenerator);
        var keep = uniforms.ge(Options.Dropout).to(x.device);
        return x * keep / (1 - Options.Dropout);
    }

    public void Dispose()
    {
        foreach (var a in adapters)
        {
            a.Dispose();
        }
        dropoutGenerator?.Dispose();
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
