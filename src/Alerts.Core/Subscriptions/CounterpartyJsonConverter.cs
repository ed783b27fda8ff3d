using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Core.Subscriptions;

/// <summary>Reads <c>"TDK"</c> or <c>{"name":"TDK","aliases":["TDK株式会社"]}</c>; writes the object form.</summary>
public sealed class CounterpartyJsonConverter : JsonConverter<Counterparty>
{
    public override Counterparty? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new Counterparty(reader.GetString() ?? "");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A counterparty is a name or an object {\"name\",\"aliases\"}.");
        }

        string name = "";
        List<string>? aliases = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            if (string.Equals(property, "name", StringComparison.OrdinalIgnoreCase))
            {
                name = reader.GetString() ?? "";
            }
            else if (string.Equals(property, "aliases", StringComparison.OrdinalIgnoreCase))
            {
                aliases = JsonSerializer.Deserialize<List<string>>(ref reader, options);
            }
            else
            {
                reader.Skip();
            }
        }

        return new Counterparty(name, aliases);
    }

    public override void Write(Utf8JsonWriter writer, Counterparty value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteStartArray("aliases");
        foreach (var alias in value.Aliases ?? [])
        {
            writer.WriteStringValue(alias);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
