namespace G2rl.Sampling;

/// <summary>What one <see cref="BatchedSampler.Sample"/> call did: scheduling counters and the tensors its decode steps created.</summary>
public sealed class SamplerRunStats
{
    /// <summary>Decode slots (min(max_num_seqs, rows)).</summary>
    public int Slots { get; init; }

    /// <summary>Rows given a slot (every row once).</summary>
    public int SlotAssignments { get; set; }

    /// <summary>Most rows live at once.</summary>
    public int PeakLiveRows { get; set; }

    /// <summary>Prompts prefilled (each at most once; one-token prompts need none).</summary>
    public int PrefilledPrompts { get; set; }

    /// <summary>Prefill forward passes.</summary>
    public int PrefillCalls { get; set; }

    /// <summary>Decode steps (one forward over all slots each).</summary>
    public int DecodeSteps { get; set; }

    /// <summary>Times idle slots were dropped once no row was waiting.</summary>
    public int Compactions { get; set; }

    /// <summary>Tensors created inside the decode steps (forward, choice, copy to the host, bookkeeping), summed over steps.</summary>
    public long DecodeTensors { get; set; }

    /// <summary>Mean tensors created per decode step.</summary>
    public double TensorsPerStep => DecodeSteps == 0 ? 0 : (double)DecodeTensors / DecodeSteps;
}
