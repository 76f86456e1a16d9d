using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace G2rl.Training.Config;

/// <summary>
/// Every floating-point config value must be finite (NaN and ±Infinity pass most range checks, or none at all). Walks the
/// config's sections, their nested sections (model.lora, reward.overlong_buffer, …) and lists (rewards[i]).
/// </summary>
internal static class ConfigNumbers
{
    public static void CheckFinite(TrainConfig config, string source) => Walk(config, "", source, 0);

    private static void Walk(object node, string path, string source, int depth)
    {
        if (depth > 8)
        {
            return;
        }
        foreach (var p in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var key = path.Length == 0 ? Name(p) : $"{path}.{Name(p)}";
            Check(p.GetValue(node), key, source, depth);
        }
    }

    private static void Check(object? value, string key, string source, int depth)
    {
        switch (value)
        {
            case null or string:
                return;
            case double d when !double.IsFinite(d):
                throw new G2rlException($"{source}: {key} must be a finite number, got {d}");
            case float f when !float.IsFinite(f):
                throw new G2rlException($"{source}: {key} must be a finite number, got {f}");
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    Check(item, $"{key}[{i++}]", source, depth + 1);
                }
                return;
            default:
                if (value.GetType().Namespace == typeof(TrainConfig).Namespace && value.GetType().IsClass)
                {
                    Walk(value, key, source, depth + 1);
                }
                return;
        }
    }

    private static string Name(PropertyInfo p) => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name);
}
