using System.CommandLine;
using Echelon.Cli.Commands;

var root = new RootCommand("echelon — an embodied music instrument: motion in, music out.");
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(SchemaCommand.Create());
root.Subcommands.Add(SessionCommand.Create());
root.Subcommands.Add(RenderCommand.Create());
root.Subcommands.Add(ScCommand.Create());
root.Subcommands.Add(OscCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(StudioCommand.Create());
root.Subcommands.Add(ConfigCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
