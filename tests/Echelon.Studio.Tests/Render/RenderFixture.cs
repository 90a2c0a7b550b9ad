using Echelon.Music.Composition;
using Echelon.Music.Theory;
using Echelon.Studio.Render;

namespace Echelon.Studio.Tests.Render;

/// <summary>Renders each configuration once per test run into a temporary folder.</summary>
public sealed class RenderFixture : IDisposable
{
    private readonly Dictionary<string, (string Directory, RenderResult Result)> _renders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "echelon-render-tests-" + Guid.NewGuid().ToString("N"));

    public (string Directory, RenderResult Result) Get(double bpm, float intensity, double seconds = 30, ulong seed = 1, int block = 128, Mode mode = Mode.Aeolian, int tonic = 9)
    {
        string key = $"{bpm}-{intensity}-{seconds}-{seed}-{block}-{mode}-{tonic}";
        lock (_gate)
        {
            if (!_renders.TryGetValue(key, out (string, RenderResult) render))
            {
                string dir = Path.Combine(Root, key);
                RenderResult result = RenderJob.Run(new RenderRequest
                {
                    Arrangement = new ArrangementOptions
                    {
                        Bpm = bpm,
                        Seconds = seconds,
                        Seed = seed,
                        Scale = new Scale(tonic, mode),
                        Control = ControlScript.Constant(new ControlState(intensity, intensity, 0.5f, 0.5f, 0)),
                    },
                    OutputDirectory = dir,
                    Stems = true,
                    BlockSize = block,
                });
                render = (dir, result);
                _renders[key] = render;
            }

            return render;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
