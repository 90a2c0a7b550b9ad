using System.CommandLine;
using Echelon.Motion.Dynamics;

namespace Echelon.Cli.Commands;

/// <summary><c>echelon schema …</c>: the published data layouts.</summary>
internal static class SchemaCommand
{
    /// <summary>Builds the <c>schema</c> command.</summary>
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var dynamics = new Command("dynamics128", "The Dynamics128 layout: version, and every slot's name, unit, group and normalisation.") { output };
        dynamics.SetAction(parse =>
        {
            string json = Dynamics128Layout.ToSchemaJson();
            FileInfo? file = parse.GetValue(output);
            if (file is null)
            {
                Console.Out.Write(json);
            }
            else
            {
                file.Directory?.Create();
                File.WriteAllText(file.FullName, json);
            }

            return 0;
        });
        return new Command("schema", "Print the data layouts Echelon publishes.") { dynamics };
    }
}
