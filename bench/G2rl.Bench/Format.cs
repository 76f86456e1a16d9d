using System.Globalization;

namespace G2rl.Bench;

/// <summary>Human-readable numbers for the tables (invariant culture).</summary>
internal static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>98.7k, 42.0M, 1.72B.</summary>
    public static string Count(long n) => n switch
    {
        >= 1_000_000_000 => (n / 1e9).ToString("0.00", Inv) + "B",
        >= 1_000_000 => (n / 1e6).ToString("0.0", Inv) + "M",
        >= 1_000 => (n / 1e3).ToString("0.0", Inv) + "k",
        _ => n.ToString(Inv),
    };

    /// <summary>Seconds with 3 significant-ish digits.</summary>
    public static string Seconds(double s) => s switch
    {
        >= 100 => s.ToString("0", Inv),
        >= 10 => s.ToString("0.0", Inv),
        >= 1 => s.ToString("0.00", Inv),
        _ => s.ToString("0.000", Inv),
    };

    /// <summary>Throughput: thousands separators above 100, one decimal below.</summary>
    public static string Rate(double r) => r >= 100 ? r.ToString("#,0", Inv) : r.ToString("0.0", Inv);

    /// <summary>A ratio such as 12.3×.</summary>
    public static string Ratio(double? r) => r is { } v ? v.ToString(v >= 10 ? "0" : "0.00", Inv) + "×" : "—";

    /// <summary>MiB below 10 GiB, GiB above; "—" when unknown.</summary>
    public static string Bytes(long? b) => b switch
    {
        null => "—",
        >= 10L << 30 => (b.Value / (double)(1L << 30)).ToString("0.0", Inv) + " GiB",
        _ => (b.Value / (double)(1L << 20)).ToString("#,0", Inv) + " MiB",
    };

    /// <summary>Invariant integer.</summary>
    public static string Int(long n) => n.ToString(Inv);
}
