namespace G2rl.Cli;

/// <summary>Exit codes of <c>g2rl</c> (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad input or a failed operation (a file, a config field, an I/O error); one line on stderr names it.</summary>
    public const int Error = 1;

    /// <summary>Command-line usage error (unknown option, missing required option, unparsable value).</summary>
    public const int Usage = 2;

    /// <summary><c>train</c> stopped after run.max_bad_steps consecutive non-finite steps; the last good checkpoint is kept.</summary>
    public const int TooManyBadSteps = 3;

    /// <summary><c>train</c> failed after training started; an emergency checkpoint of the last good state was written first.</summary>
    public const int TrainingFailed = 4;

    /// <summary><c>train</c> was interrupted (Ctrl-C, SIGTERM, SIGHUP): the current step finished and a checkpoint was saved.</summary>
    public const int Interrupted = 130;
}
