using System.Buffers.Binary;
using System.Text;

namespace Echelon.Protocols.SuperCollider;

/// <summary>
/// Reads and writes SuperCollider's binary synth definition files, "SCgf" version 2 (SuperCollider
/// help, "Synth Definition File Format"): what <c>/d_recv</c> takes as its blob and what scsynth loads
/// from <c>*.scsyndef</c>. Every number is big-endian; strings are Pascal strings (one length byte).
/// </summary>
/// <remarks>
/// Layout: <c>int32 'SCgf', int32 2, int16 defCount</c>, then per def: name; <c>int32</c> constant
/// count and <c>float32</c> constants; <c>int32</c> parameter count and <c>float32</c> initial values;
/// <c>int32</c> name count and (name, <c>int32</c> index) pairs; <c>int32</c> unit generator count and per
/// unit generator: class name, <c>int8</c> rate, <c>int32</c> inputs, <c>int32</c> outputs, <c>int16</c>
/// special index, (<c>int32</c> source, <c>int32</c> index) per input, <c>int8</c> rate per output; then
/// <c>int16</c> variant count and (name, <c>float32</c> × parameters) per variant.
/// </remarks>
public static class SynthDefFile
{
    /// <summary>The file's magic number, "SCgf".</summary>
    public static ReadOnlySpan<byte> Magic => "SCgf"u8;

    /// <summary>The version this class reads and writes.</summary>
    public const int Version = 2;

    /// <summary>Encodes <paramref name="defs"/> as one file.</summary>
    /// <exception cref="ArgumentException">A def is inconsistent (an input that refers forward or out of range, a name over 255 bytes, …); the message names the def and the unit generator.</exception>
    public static byte[] Write(IReadOnlyList<SynthDef> defs)
    {
        ArgumentNullException.ThrowIfNull(defs);
        if (defs.Count is 0 or > short.MaxValue)
        {
            throw new ArgumentException($"a SynthDef file holds 1–{short.MaxValue} defs, not {defs.Count}.", nameof(defs));
        }

        using var buffer = new MemoryStream();
        var w = new BigEndianWriter(buffer);
        w.Bytes(Magic);
        w.Int32(Version);
        w.Int16((short)defs.Count);
        foreach (SynthDef def in defs)
        {
            Validate(def);
            w.PString(def.Name);
            w.Int32(def.Constants.Count);
            foreach (float c in def.Constants)
            {
                w.Float32(c);
            }

            w.Int32(def.ParameterValues.Count);
            foreach (float v in def.ParameterValues)
            {
                w.Float32(v);
            }

            w.Int32(def.Parameters.Count);
            foreach (SynthDefParameter p in def.Parameters)
            {
                w.PString(p.Name);
                w.Int32(p.Index);
            }

            w.Int32(def.UGens.Count);
            foreach (UGenSpec u in def.UGens)
            {
                w.PString(u.ClassName);
                w.Byte((byte)u.Rate);
                w.Int32(u.Inputs.Count);
                w.Int32(u.Outputs.Count);
                w.Int16(u.SpecialIndex);
                foreach (UGenInput input in u.Inputs)
                {
                    w.Int32(input.UGen);
                    w.Int32(input.Index);
                }

                foreach (UGenRate rate in u.Outputs)
                {
                    w.Byte((byte)rate);
                }
            }

            w.Int16((short)def.Variants.Count);
            foreach (SynthDefVariant variant in def.Variants)
            {
                w.PString(variant.Name);
                foreach (float v in variant.Values)
                {
                    w.Float32(v);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes a whole file.</summary>
    /// <exception cref="SynthDefFormatException">The bytes are not a version 2 file, or are truncated or inconsistent; the message names the byte offset.</exception>
    public static IReadOnlyList<SynthDef> Read(ReadOnlySpan<byte> file)
    {
        var r = new Reader(file);
        if (file.Length < 4 || !file[..4].SequenceEqual(Magic))
        {
            throw new SynthDefFormatException(0, "expected the magic number 'SCgf'.");
        }

        r.Skip(4);
        int version = r.Int32("version");
        if (version != Version)
        {
            throw new SynthDefFormatException(4, $"version {version}; only version {Version} is supported.");
        }

        int count = r.Int16("def count");
        var defs = new List<SynthDef>(Math.Max(0, count));
        for (int d = 0; d < count; d++)
        {
            string name = r.PString("def name");
            float[] constants = r.Floats(r.Count("constant count", 4), "constants");
            float[] values = r.Floats(r.Count("parameter count", 4), "parameter values");
            int nameCount = r.Count("parameter name count", 5);
            var parameters = new SynthDefParameter[nameCount];
            for (int i = 0; i < nameCount; i++)
            {
                string pName = r.PString("parameter name");
                long at = r.Offset;
                int index = r.Int32("parameter index");
                if ((uint)index >= (uint)values.Length)
                {
                    throw new SynthDefFormatException(at, $"parameter '{pName}' has index {index}; the def has {values.Length} parameters.");
                }

                parameters[i] = new SynthDefParameter(pName, index);
            }

            int ugenCount = r.Count("unit generator count", 12);
            var ugens = new UGenSpec[ugenCount];
            for (int u = 0; u < ugenCount; u++)
            {
                string className = r.PString("unit generator class name");
                UGenRate rate = r.Rate("unit generator rate");
                int inputCount = r.Count("input count", 8);
                int outputCount = r.Count("output count", 1);
                short special = r.Int16("special index");
                var inputs = new UGenInput[inputCount];
                for (int i = 0; i < inputCount; i++)
                {
                    long at = r.Offset;
                    int source = r.Int32("input source");
                    int index = r.Int32("input index");
                    if (source == -1 ? (uint)index >= (uint)constants.Length : (source < 0 || source >= u))
                    {
                        throw new SynthDefFormatException(at, source == -1
                            ? $"{className} (unit generator {u}) input {i} refers to constant {index}; there are {constants.Length}."
                            : $"{className} (unit generator {u}) input {i} refers to unit generator {source}; only 0–{u - 1} come before it.");
                    }

                    if (source >= 0 && (uint)index >= (uint)ugens[source].Outputs.Count)
                    {
                        throw new SynthDefFormatException(at + 4, $"{className} (unit generator {u}) input {i} refers to output {index} of unit generator {source}, which has {ugens[source].Outputs.Count}.");
                    }

                    inputs[i] = new UGenInput(source, index);
                }

                var outputs = new UGenRate[outputCount];
                for (int o = 0; o < outputCount; o++)
                {
                    outputs[o] = r.Rate("output rate");
                }

                ugens[u] = new UGenSpec(className, rate, inputs, outputs, special);
            }

            int variantCount = r.Int16("variant count");
            var variants = new SynthDefVariant[Math.Max(0, variantCount)];
            for (int v = 0; v < variants.Length; v++)
            {
                string variantName = r.PString("variant name");
                variants[v] = new SynthDefVariant(variantName, r.Floats(values.Length, "variant values"));
            }

            defs.Add(new SynthDef(name, constants, values, parameters, ugens, variants));
        }

        if (r.Offset != file.Length)
        {
            throw new SynthDefFormatException(r.Offset, $"{file.Length - r.Offset} bytes after the last def.");
        }

        return defs;
    }

    private static void Validate(SynthDef def)
    {
        ArgumentNullException.ThrowIfNull(def);
        for (int u = 0; u < def.UGens.Count; u++)
        {
            UGenSpec spec = def.UGens[u];
            for (int i = 0; i < spec.Inputs.Count; i++)
            {
                UGenInput input = spec.Inputs[i];
                bool ok = input.IsConstant
                    ? (uint)input.Index < (uint)def.Constants.Count
                    : input.UGen >= 0 && input.UGen < u && (uint)input.Index < (uint)def.UGens[input.UGen].Outputs.Count;
                if (!ok)
                {
                    throw new ArgumentException($"SynthDef '{def.Name}': {spec.ClassName} (unit generator {u}) input {i} = {input} refers to nothing before it.", nameof(def));
                }
            }
        }

        foreach (SynthDefVariant v in def.Variants)
        {
            if (v.Values.Count != def.ParameterValues.Count)
            {
                throw new ArgumentException($"SynthDef '{def.Name}': variant '{v.Name}' has {v.Values.Count} values for {def.ParameterValues.Count} parameters.", nameof(def));
            }
        }
    }

    private sealed class BigEndianWriter(MemoryStream stream)
    {
        public void Bytes(ReadOnlySpan<byte> bytes) => stream.Write(bytes);

        public void Byte(byte value) => stream.WriteByte(value);

        public void Int16(short value)
        {
            Span<byte> b = stackalloc byte[2];
            BinaryPrimitives.WriteInt16BigEndian(b, value);
            stream.Write(b);
        }

        public void Int32(int value)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, value);
            stream.Write(b);
        }

        public void Float32(float value)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteSingleBigEndian(b, value);
            stream.Write(b);
        }

        public void PString(string value)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(value);
            if (bytes.Length > 255 || bytes.Length != value.Length || value.Any(c => c > 127))
            {
                throw new ArgumentException($"'{value}' cannot be a SynthDef name: names are 0–255 ASCII characters.", nameof(value));
            }

            stream.WriteByte((byte)bytes.Length);
            stream.Write(bytes);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public int Offset { get; private set; }

        public void Skip(int n) => Offset += n;

        public int Int32(string what) => BinaryPrimitives.ReadInt32BigEndian(Take(4, what));

        public short Int16(string what) => BinaryPrimitives.ReadInt16BigEndian(Take(2, what));

        /// <summary>A non-negative count whose items take at least <paramref name="minBytes"/> each, checked against what is left.</summary>
        public int Count(string what, int minBytes)
        {
            int at = Offset;
            int n = Int32(what);
            if (n < 0 || (long)n * minBytes > _data.Length - Offset)
            {
                throw new SynthDefFormatException(at, $"{what} {n} does not fit in the {_data.Length - Offset} bytes left.");
            }

            return n;
        }

        public float[] Floats(int n, string what)
        {
            ReadOnlySpan<byte> bytes = Take(checked(n * 4), what);
            var values = new float[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleBigEndian(bytes[(i * 4)..]);
            }

            return values;
        }

        public UGenRate Rate(string what)
        {
            int at = Offset;
            byte b = Take(1, what)[0];
            return b <= 2 ? (UGenRate)b : throw new SynthDefFormatException(at, $"{what} {b}; allowed: 0 scalar, 1 control, 2 audio.");
        }

        public string PString(string what)
        {
            int length = Take(1, what)[0];
            return Encoding.ASCII.GetString(Take(length, what));
        }

        private ReadOnlySpan<byte> Take(int n, string what)
        {
            if (n > _data.Length - Offset)
            {
                throw new SynthDefFormatException(Offset, $"truncated: {what} needs {n} bytes, {_data.Length - Offset} left.");
            }

            ReadOnlySpan<byte> s = _data.Slice(Offset, n);
            Offset += n;
            return s;
        }
    }
}
