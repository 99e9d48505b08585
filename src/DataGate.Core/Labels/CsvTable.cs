using System.Text;

namespace DataGate.Core.Labels;

/// <summary>A small RFC 4180 CSV reader that keeps each record's 1-based line number.</summary>
internal static class CsvTable
{
    /// <summary>Parses CSV text into records of fields, each with the line it starts on.</summary>
    /// <exception cref="FormatException">A quoted field is not closed.</exception>
    public static List<(int Line, List<string> Fields)> Parse(string text)
    {
        var rows = new List<(int, List<string>)>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        bool any = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    if (any || row.Count > 1 || row[0].Length > 0)
                    {
                        rows.Add((rowLine, row));
                    }

                    row = [];
                    any = false;
                    line++;
                    rowLine = line;
                    break;
                case '\r':
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"quoted field starting on line {rowLine} is not closed");
        }

        if (any || field.Length > 0)
        {
            row.Add(field.ToString());
            rows.Add((rowLine, row));
        }

        return rows;
    }
}
