using System.Globalization;

namespace GeneTherapyExplainers.Content.Loading;

// The plain reader's second step: the nodes it read, put into the typed front matter class.
internal static partial class PlainFrontMatter
{
    /// <summary>Fills a front matter class from the nodes; null at an unknown field or a value of another type.</summary>
    private static class Binder
    {
        public static T? Bind<T>(Mapping root)
            where T : class => (T?)Object(typeof(T), root);

        private static object? Object(Type type, Node node)
        {
            if (node is not Mapping mapping)
            {
                return null;
            }

            var result = Activator.CreateInstance(type)!;
            var properties = FrontMatterReader.FieldsOf(type);
            foreach (var (key, value) in mapping.Entries)
            {
                if (!properties.TryGetValue(key, out var property) || Convert(property.PropertyType, value) is not { } converted)
                {
                    return null;
                }

                property.SetValue(result, converted);
            }

            return result;
        }

        private static object? Convert(Type type, Node node)
        {
            var target = Nullable.GetUnderlyingType(type) ?? type;
            if (target == typeof(string))
            {
                return node is Scalar s && !(s.Plain && IsNull(s.Value)) ? s.Value : null;
            }

            if (target == typeof(int))
            {
                return node is Scalar { Plain: true } s && s.Value.Length <= 9 && s.Value.All(char.IsAsciiDigit) && (s.Value.Length == 1 || s.Value[0] != '0')
                    ? int.Parse(s.Value, CultureInfo.InvariantCulture)
                    : null;
            }

            if (target == typeof(bool))
            {
                return node is Scalar { Plain: true, Value: "true" or "false" } s ? s.Value == "true" : null;
            }

            if (target == typeof(DateOnly))
            {
                return node is Scalar { Plain: true } s
                    && DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : null;
            }

            if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
            {
                if (node is not Sequence sequence)
                {
                    return null;
                }

                var itemType = target.GetGenericArguments()[0];
                var list = (System.Collections.IList)Activator.CreateInstance(target)!;
                foreach (var item in sequence.Items)
                {
                    if (Convert(itemType, item) is not { } converted)
                    {
                        return null;
                    }

                    list.Add(converted);
                }

                return list;
            }

            return target.IsClass && target.GetConstructor(Type.EmptyTypes) is not null ? Object(target, node) : null;
        }

        private static bool IsNull(string value) => value is "null" or "Null" or "NULL" or "~";
    }
}
