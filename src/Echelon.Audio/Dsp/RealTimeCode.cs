using System.Reflection;
using System.Runtime.CompilerServices;

namespace Echelon.Audio.Dsp;

/// <summary>
/// Compiles a kernel's audio-thread methods ahead of their first call: those marked
/// <see cref="MethodImplOptions.AggressiveOptimization"/>, which the JIT compiles once, fully optimised, and never
/// as unoptimised tier-0 code. Kernels call <see cref="CompileAhead"/> from <c>Prepare</c>, off the audio thread.
/// </summary>
/// <remarks>
/// <para>
/// Why: with tiered compilation a method starts as quickly compiled, unoptimised code and is recompiled once it has
/// run a while, and a method marked for aggressive optimisation is compiled at its first call, on the calling
/// thread. Either way the first blocks of a render pay for the compiler: a one-minute offline render spent about
/// 150 ms of its first pass there, more than half its steady-state cost, and a live audio callback would miss its
/// first deadlines (docs/architecture/0010-render-performance.md). The audio thread must never wait for the JIT, as
/// it must never wait for a lock.
/// </para>
/// <para>
/// Nested types are compiled with their declaring type. Generic methods are compiled for every type argument that is
/// a nested type of the declaring type and meets the constraints (the waveform shapes of
/// <see cref="PolyBlepOscillator"/>). Each type is compiled once per process.
/// Threading: any thread; it takes a lock, so never call it from the audio thread.
/// </para>
/// </remarks>
internal static class RealTimeCode
{
    private static readonly HashSet<Type> s_compiled = [];
    private static readonly Lock s_lock = new();

    /// <summary>Compiles <paramref name="type"/>'s methods marked for aggressive optimisation, and those of <see cref="BlockMath"/> and <see cref="DspGuard"/>.</summary>
    public static void CompileAhead(Type type)
    {
        lock (s_lock)
        {
            Compile(typeof(BlockMath));
            Compile(typeof(DspGuard));
            Compile(type);
        }
    }

    private static void Compile(Type type)
    {
        if (!s_compiled.Add(type))
        {
            return;
        }

        foreach (Type nested in type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public))
        {
            if (!nested.IsGenericTypeDefinition)
            {
                Compile(nested);
            }
        }

        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (MethodInfo method in type.GetMethods(all))
        {
            if ((method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) == 0)
            {
                continue;
            }

            if (!method.IsGenericMethodDefinition)
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
                continue;
            }

            // One type parameter: every nested type of the declaring type that satisfies its constraints.
            Type parameter = method.GetGenericArguments()[0];
            foreach (Type candidate in type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public))
            {
                if (Array.TrueForAll(parameter.GetGenericParameterConstraints(), c => c.IsAssignableFrom(candidate)) && !candidate.IsInterface)
                {
                    RuntimeHelpers.PrepareMethod(method.MakeGenericMethod(candidate).MethodHandle);
                }
            }
        }
    }
}
