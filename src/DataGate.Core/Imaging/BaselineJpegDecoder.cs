using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DataGate.Core.Imaging;

/// <summary>
/// The fast path of the <see cref="DecodeEngine.LibJpegTurbo"/> engine: a managed decoder for the JPEGs datasets
/// mostly hold (baseline or extended sequential, 8-bit, Huffman, one scan; gray or JFIF YCbCr at 4:4:4, 4:2:2 or
/// 4:2:0; no restart intervals) that reproduces libjpeg-turbo's default decompression bit for bit: the ISLOW integer
/// IDCT with its range-limit table, "fancy" triangle-filter chroma upsampling with its edge rules, and the
/// fixed-point YCbCr→RGB conversion. Anything else, and anything irregular in the data (a bad Huffman code, entropy
/// data that runs into a marker, an out-of-range coefficient), is declined, and the caller decodes the file with
/// libjpeg-turbo itself (<see cref="SkiaJpegDecoder"/>), so a file's pixels never depend on which path took it.
/// </summary>
/// <remarks>
/// Hand-written rather than a library for bit-exactness and speed together: the managed decoders available (ImageSharp
/// 2.1) use a float IDCT and their own upsampling, so their pixels differ from Pillow's; and the libjpeg-turbo inside
/// SkiaSharp 2.88 is built without SIMD, which made decoding about a fifth of the time per 200×200 image. The
/// arithmetic follows libjpeg-turbo's jidctint.c, jdsample.c, jdcolor.c and jdmaster.c (range-limit table), each
/// noted where it is reproduced; the IDCT runs on 8 columns at once with AVX2 in 32-bit lanes where no intermediate can
/// overflow (checked per block) and in 64-bit scalar arithmetic, as in libjpeg-turbo on LP64, otherwise.
/// </remarks>
internal static class BaselineJpegDecoder
{
    // Zig-zag position → natural (row-major) position, as libjpeg's jpeg_natural_order.
    private static ReadOnlySpan<byte> NaturalOrder =>
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    // jidctint.c's constants, FIX(x) with CONST_BITS = 13.
    private const int Fix0298631336 = 2446;
    private const int Fix0390180644 = 3196;
    private const int Fix0541196100 = 4433;
    private const int Fix0765366865 = 6270;
    private const int Fix0899976223 = 7373;
    private const int Fix1175875602 = 9633;
    private const int Fix1501321110 = 12299;
    private const int Fix1847759065 = 15137;
    private const int Fix1961570560 = 16069;
    private const int Fix2053119869 = 16819;
    private const int Fix2562915447 = 20995;
    private const int Fix3072711026 = 25172;
    private const int ConstBits = 13;
    private const int Pass1Bits = 2;

    // Below this bound on |dequantized coefficient| (and on the first pass's outputs) no 32-bit intermediate of the
    // IDCT can overflow: the largest is about 103,489 times its input (the sum of the constants' magnitudes on one
    // output's path), and 103,489 · 2^14 < 2^31.
    private const int VectorSafeBound = 1 << 14;

    // Scratch planes above this size are not worth keeping per thread; larger images allocate theirs per decode.
    private const int RetainedScratchBytes = 1 << 20;

    private static readonly int[] s_crR = new int[256];
    private static readonly int[] s_cbB = new int[256];
    private static readonly int[] s_crG = new int[256];
    private static readonly int[] s_cbG = new int[256];

    // jdcolor.c's FIX(x) constants with SCALEBITS = 16, and the pshufb masks that interleave 16 R, G and B bytes
    // into 48 RGB bytes (output chunk k, source channel c at index 3k + c).
    private static readonly int s_fixCrR = (int)((1.40200 * 65536) + 0.5);
    private static readonly int s_fixCbB = (int)((1.77200 * 65536) + 0.5);
    private static readonly int s_fixCrG = (int)((0.71414 * 65536) + 0.5);
    private static readonly int s_fixCbG = (int)((0.34414 * 65536) + 0.5);
    private static readonly Vector128<byte>[] s_interleaveMasks = InterleaveMasks();

    [ThreadStatic]
    private static Workspace? t_workspace;

#pragma warning disable CA1810 // the tables are computed once; a static constructor keeps them next to their formula
    static BaselineJpegDecoder()
#pragma warning restore CA1810
    {
        // jdcolor.c build_ycc_rgb_table: SCALEBITS = 16, FIX(x) = (JLONG)(x * 65536 + 0.5), ONE_HALF = 1 << 15.
        const int half = 1 << 15;
        for (int i = 0, x = -128; i < 256; i++, x++)
        {
            s_crR[i] = ((s_fixCrR * x) + half) >> 16;
            s_cbB[i] = ((s_fixCbB * x) + half) >> 16;
            s_crG[i] = -s_fixCrG * x;
            s_cbG[i] = (-s_fixCbG * x) + half;
        }
    }

    private static Vector128<byte>[] InterleaveMasks()
    {
        var masks = new Vector128<byte>[9];
        Span<byte> mask = stackalloc byte[16];
        for (int chunk = 0; chunk < 3; chunk++)
        {
            for (int channel = 0; channel < 3; channel++)
            {
                for (int j = 0; j < 16; j++)
                {
                    int index = (16 * chunk) + j;
                    mask[j] = index % 3 == channel ? (byte)(index / 3) : (byte)0x80;
                }

                masks[(3 * chunk) + channel] = Vector128.Create<byte>(mask);
            }
        }

        return masks;
    }

    /// <summary>
    /// Scratch bytes the fast path needs for a <paramref name="width"/>×<paramref name="height"/> image beyond the
    /// output (the component sample planes, at most three full-resolution planes plus block padding).
    /// </summary>
    public static long ScratchBytes(int width, int height) => 3L * (width + 16) * (height + 16);

    /// <summary>
    /// Decodes <paramref name="data"/> into <paramref name="rgb"/> (width·height·3 bytes) when the file is one this
    /// path reproduces exactly. Returns null when it decoded, else why it declined (nothing useful is then in
    /// <paramref name="rgb"/>, and the caller decodes with libjpeg-turbo).
    /// </summary>
    public static string? TryDecode(ReadOnlySpan<byte> data, int width, int height, bool gray, Span<byte> rgb)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return "no SOI marker";
        }

        if (rgb.Length < (long)width * height * 3)
        {
            return "output buffer too small";
        }

        var ws = t_workspace ??= new Workspace();
        ws.Reset();
        string? declined = ReadHeaders(data, ws, out int scanStart);
        if (declined is not null)
        {
            return declined;
        }

        if (ws.Width != width || ws.Height != height)
        {
            return $"frame is {ws.Width}x{ws.Height}, expected {width}x{height}";
        }

        if (gray != (ws.ComponentCount == 1))
        {
            return "component count does not match the expected mode";
        }

        declined = Layout(ws);
        if (declined is not null)
        {
            return declined;
        }

        declined = DecodeScan(data[scanStart..], ws);
        if (declined is not null)
        {
            return declined;
        }

        if (ws.ComponentCount == 1)
        {
            WriteGray(ws, rgb);
        }
        else
        {
            WriteColour(ws, rgb);
        }

        if (ws.Planes.Length > RetainedScratchBytes)
        {
            ws.Planes = [];
        }

        return null;
    }

    private static string? ReadHeaders(ReadOnlySpan<byte> data, Workspace ws, out int scanStart)
    {
        scanStart = 0;
        int pos = 2;
        bool jfif = false;
        int adobeTransform = -1;
        while (true)
        {
            if (pos + 4 > data.Length)
            {
                return "file ends before the scan";
            }

            if (data[pos] != 0xFF)
            {
                return "garbage between markers";
            }

            byte marker = data[pos + 1];
            if (marker == 0xFF)
            {
                pos++;
                continue;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(data[(pos + 2)..]);
            if (length < 2 || pos + 2 + length > data.Length)
            {
                return "marker segment runs past the end of the file";
            }

            var segment = data.Slice(pos + 4, length - 2);
            switch (marker)
            {
                case 0xC0 or 0xC1:
                    if (ws.ComponentCount != 0)
                    {
                        return "second frame header";
                    }

                    if (ReadFrame(segment, ws) is { } frameError)
                    {
                        return frameError;
                    }

                    break;
                case 0xC4:
                    if (ReadHuffmanTables(segment, ws) is { } huffError)
                    {
                        return huffError;
                    }

                    break;
                case 0xDB:
                    if (ReadQuantTables(segment, ws) is { } quantError)
                    {
                        return quantError;
                    }

                    break;
                case 0xDD:
                    if (segment.Length != 2 || BinaryPrimitives.ReadUInt16BigEndian(segment) != 0)
                    {
                        return "restart interval";
                    }

                    break;
                case 0xE0:
                    // jdmarker.c examine_app0: JFIF needs at least APP0_DATA_LEN (14) bytes.
                    jfif |= segment.Length >= 14 && segment[..5].SequenceEqual("JFIF\0"u8);
                    break;
                case 0xEE:
                    // jdmarker.c examine_app14: Adobe needs at least APP14_DATA_LEN (12) bytes; transform is byte 11.
                    if (segment.Length >= 12 && segment[..5].SequenceEqual("Adobe"u8))
                    {
                        adobeTransform = segment[11];
                    }

                    break;
                case 0xDA:
                    if (ws.ComponentCount == 0)
                    {
                        return "scan before the frame header";
                    }

                    if (ReadScan(segment, ws) is { } scanError)
                    {
                        return scanError;
                    }

                    scanStart = pos + 2 + length;
                    return ColourSpace(ws, jfif, adobeTransform);
                case >= 0xE1 and <= 0xEF or 0xFE:
                    break;
                default:
                    return $"marker FF{marker:X2}";
            }

            pos += 2 + length;
        }
    }

    // jdapimin.c default_decompress_parms for three components: JFIF → YCbCr; else Adobe transform 0 → RGB, 1 → YCbCr;
    // else component IDs 'R','G','B' → RGB; else YCbCr. Only YCbCr is reproduced here.
    private static string? ColourSpace(Workspace ws, bool jfif, int adobeTransform)
    {
        if (ws.ComponentCount == 1 || jfif)
        {
            return null;
        }

        if (adobeTransform >= 0)
        {
            return adobeTransform == 1 ? null : $"Adobe transform {adobeTransform}";
        }

        return ws.Components[0].Id == 82 && ws.Components[1].Id == 71 && ws.Components[2].Id == 66 ? "RGB component IDs" : null;
    }

    private static string? ReadFrame(ReadOnlySpan<byte> segment, Workspace ws)
    {
        if (segment.Length < 6 || segment[0] != 8)
        {
            return "not 8-bit";
        }

        int count = segment[5];
        if (count is not (1 or 3) || segment.Length != 6 + (3 * count))
        {
            return $"{count} components";
        }

        ws.Height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
        ws.Width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        ws.ComponentCount = count;
        for (int c = 0; c < count; c++)
        {
            ref var component = ref ws.Components[c];
            component.Id = segment[6 + (3 * c)];
            component.H = segment[7 + (3 * c)] >> 4;
            component.V = segment[7 + (3 * c)] & 15;
            component.QuantTable = segment[8 + (3 * c)];
            if (component.H is < 1 or > 2 || component.V is < 1 or > 2 || component.QuantTable > 3)
            {
                return "sampling factors or table number";
            }

            for (int d = 0; d < c; d++)
            {
                if (ws.Components[d].Id == component.Id)
                {
                    return "duplicate component ID";
                }
            }
        }

        return null;
    }

    private static string? ReadHuffmanTables(ReadOnlySpan<byte> segment, Workspace ws)
    {
        int pos = 0;
        while (pos < segment.Length)
        {
            if (pos + 17 > segment.Length)
            {
                return "short Huffman table";
            }

            int cls = segment[pos] >> 4;
            int slot = segment[pos] & 15;
            if (cls > 1 || slot > 3)
            {
                return "Huffman table class or slot";
            }

            var counts = segment.Slice(pos + 1, 16);
            int total = 0;
            foreach (byte c in counts)
            {
                total += c;
            }

            if (total > 256 || pos + 17 + total > segment.Length)
            {
                return "Huffman table length";
            }

            var symbols = segment.Slice(pos + 17, total);
            var table = ws.Huffman[(cls * 4) + slot] ??= new HuffmanTable();
            if (!table.Build(counts, symbols, isDc: cls == 0))
            {
                return "bad Huffman table";
            }

            pos += 17 + total;
        }

        return null;
    }

    private static string? ReadQuantTables(ReadOnlySpan<byte> segment, Workspace ws)
    {
        int pos = 0;
        while (pos < segment.Length)
        {
            int precision = segment[pos] >> 4;
            int slot = segment[pos] & 15;
            int size = precision == 0 ? 64 : 128;
            if (precision > 1 || slot > 3 || pos + 1 + size > segment.Length)
            {
                return "quantisation table";
            }

            for (int k = 0; k < 64; k++)
            {
                int value = precision == 0 ? segment[pos + 1 + k] : BinaryPrimitives.ReadUInt16BigEndian(segment[(pos + 1 + (2 * k))..]);

                // ISLOW_MULT_TYPE is a short: a 16-bit entry above 32767 would change sign in libjpeg-turbo.
                if (value > short.MaxValue)
                {
                    return "quantisation value over 32767";
                }

                ws.ZigzagQuant[slot][k] = NaturalOrder[k] | (value << 8);
            }

            ws.ZigzagQuant[slot].AsSpan(64).Fill(64 | (1 << 8));

            ws.QuantDefined |= 1 << slot;
            pos += 1 + size;
        }

        return null;
    }

    private static string? ReadScan(ReadOnlySpan<byte> segment, Workspace ws)
    {
        if (segment.Length < 1 || segment[0] != ws.ComponentCount || segment.Length != 4 + (2 * segment[0]))
        {
            return "scan does not hold every component";
        }

        int count = segment[0];
        for (int s = 0; s < count; s++)
        {
            byte id = segment[1 + (2 * s)];
            int index = -1;
            for (int c = 0; c < ws.ComponentCount; c++)
            {
                if (ws.Components[c].Id == id)
                {
                    index = c;
                }
            }

            for (int t = 0; t < s; t++)
            {
                if (ws.ScanOrder[t] == index)
                {
                    index = -1;
                }
            }

            if (index < 0)
            {
                return "scan component";
            }

            int dc = segment[2 + (2 * s)] >> 4;
            int ac = segment[2 + (2 * s)] & 15;
            if (dc > 3 || ac > 3 || ws.Huffman[dc] is not { Defined: true } || ws.Huffman[4 + ac] is not { Defined: true })
            {
                return "missing Huffman table";
            }

            if ((ws.QuantDefined & (1 << ws.Components[index].QuantTable)) == 0)
            {
                return "missing quantisation table";
            }

            ws.ScanOrder[s] = index;
            ws.Components[index].DcTable = dc;
            ws.Components[index].AcTable = 4 + ac;
        }

        int ss = segment[1 + (2 * count)];
        int se = segment[2 + (2 * count)];
        int ahal = segment[3 + (2 * count)];
        return ss == 0 && se == 63 && ahal == 0 ? null : "not a sequential scan";
    }

    private static string? Layout(Workspace ws)
    {
        if (ws.Width == 0 || ws.Height == 0)
        {
            return "zero dimension";
        }

        int hmax = 1;
        int vmax = 1;
        for (int c = 0; c < ws.ComponentCount; c++)
        {
            hmax = Math.Max(hmax, ws.Components[c].H);
            vmax = Math.Max(vmax, ws.Components[c].V);
        }

        long total = 0;
        if (ws.ComponentCount == 1)
        {
            // A single-component scan is not interleaved: one block per MCU whatever the sampling factors.
            ref var only = ref ws.Components[0];
            only.BlocksWide = (ws.Width + 7) / 8;
            only.BlocksHigh = (ws.Height + 7) / 8;
            only.DownsampledWidth = ws.Width;
            only.DownsampledHeight = ws.Height;
            only.Stride = only.BlocksWide * 8;
            only.Offset = 0;
            total = (long)only.Stride * only.BlocksHigh * 8;
        }
        else
        {
            ws.McusWide = (ws.Width + (8 * hmax) - 1) / (8 * hmax);
            ws.McusHigh = (ws.Height + (8 * vmax) - 1) / (8 * vmax);
            for (int c = 0; c < ws.ComponentCount; c++)
            {
                ref var component = ref ws.Components[c];
                int hr = hmax / component.H;
                int vr = vmax / component.V;
                if (hmax % component.H != 0 || vmax % component.V != 0 || (hr, vr) is not ((1, 1) or (2, 1) or (2, 2)))
                {
                    return $"upsampling {hr}x{vr}";
                }

                component.BlocksWide = ws.McusWide * component.H;
                component.BlocksHigh = ws.McusHigh * component.V;
                component.Stride = component.BlocksWide * 8;
                component.Offset = (int)total;

                // jdinput.c: downsampled size = ceil(image size · factor / max factor).
                component.DownsampledWidth = (int)(((long)ws.Width * component.H + hmax - 1) / hmax);
                component.DownsampledHeight = (int)(((long)ws.Height * component.V + vmax - 1) / vmax);
                component.HorizontalRatio = hr;
                component.VerticalRatio = vr;

                // jdsample.c uses the box filter instead of the triangle filter when the downsampled width is 2 or less.
                if (hr == 2 && component.DownsampledWidth <= 2)
                {
                    return "downsampled width of 2 or less";
                }

                total += (long)component.Stride * component.BlocksHigh * 8;
            }
        }

        if (total > int.MaxValue)
        {
            return "too large";
        }

        if (ws.Planes.Length < total)
        {
            ws.Planes = new byte[total];
        }

        return null;
    }

    private static string? DecodeScan(ReadOnlySpan<byte> entropy, Workspace ws)
    {
        // The blocks of one MCU in scan order: their component and their offset from the MCU's corner in its plane.
        Span<int> blockComponent = stackalloc int[12];
        Span<int> blockOffset = stackalloc int[12];
        Span<int> mcuStepX = stackalloc int[3];
        Span<int> mcuStepY = stackalloc int[3];
        Span<int> predictions = stackalloc int[3];
        int blocksPerMcu = 0;
        int mcusWide;
        int mcusHigh;
        if (ws.ComponentCount == 1)
        {
            ref var only = ref ws.Components[0];
            blockComponent[0] = 0;
            blockOffset[0] = 0;
            blocksPerMcu = 1;
            mcuStepX[0] = 8;
            mcuStepY[0] = 8 * only.Stride;
            mcusWide = only.BlocksWide;
            mcusHigh = only.BlocksHigh;
        }
        else
        {
            for (int s = 0; s < ws.ComponentCount; s++)
            {
                int c = ws.ScanOrder[s];
                ref var component = ref ws.Components[c];
                mcuStepX[c] = component.H * 8;
                mcuStepY[c] = component.V * 8 * component.Stride;
                for (int v = 0; v < component.V; v++)
                {
                    for (int h = 0; h < component.H; h++)
                    {
                        blockComponent[blocksPerMcu] = c;
                        blockOffset[blocksPerMcu] = (v * 8 * component.Stride) + (h * 8);
                        blocksPerMcu++;
                    }
                }
            }

            mcusWide = ws.McusWide;
            mcusHigh = ws.McusHigh;
        }

        var planes = ws.Planes.AsSpan();
        ref int block = ref MemoryMarshal.GetArrayDataReference(ws.Block);
        bool vector = Avx2.IsSupported;
        var reader = BitState.Start(entropy);
        for (int my = 0; my < mcusHigh; my++)
        {
            for (int mx = 0; mx < mcusWide; mx++)
            {
                for (int b = 0; b < blocksPerMcu; b++)
                {
                    int c = blockComponent[b];
                    ref var component = ref ws.Components[c];
                    int kind = DecodeBlock(
                        ref reader,
                        entropy,
                        ws.Huffman[component.DcTable]!,
                        ws.Huffman[component.AcTable]!,
                        ref MemoryMarshal.GetArrayDataReference(ws.ZigzagQuant[component.QuantTable]),
                        ref block,
                        ref predictions[c]);
                    if (kind < 0)
                    {
                        return kind switch
                        {
                            -1 => "bad Huffman code",
                            -2 => "coefficient index past 63",
                            -3 => "DC value out of range",
                            _ => "magnitude category out of range",
                        };
                    }

                    int offset = component.Offset + (my * mcuStepY[c]) + (mx * mcuStepX[c]) + blockOffset[b];
                    Idct(ws.Block, kind, planes[offset..], component.Stride, vector);
                }
            }
        }

        return reader.Count < reader.Padding ? "entropy data ends early (runs into a marker or the end of the file)" : null;
    }

    /// <summary>
    /// Decodes one block into <paramref name="block"/> (natural order, dequantised): 0 when only the DC term is set, 1
    /// when AC terms are too, negative on an irregularity libjpeg-turbo would warn about or treat specially (the file is
    /// then declined). The bit buffer lives in locals here (registers), and goes back to <paramref name="state"/> once.
    /// </summary>
    private static int DecodeBlock(ref BitState state, ReadOnlySpan<byte> data, HuffmanTable dcTable, HuffmanTable acTable, ref int zigzagQuant, ref int block, ref int prediction)
    {
        ulong bits = state.Bits;
        int count = state.Count;
        int position = state.Position;
        int limit = state.Limit;
        ref int fastAc = ref MemoryMarshal.GetArrayDataReference(acTable.FastAc);
        ref ushort acLookahead = ref MemoryMarshal.GetArrayDataReference(acTable.Lookahead);
        ZeroBlock(ref block);

        Refill(ref bits, ref count, ref position, ref limit, ref state, data);

        // DC: a symbol (the magnitude category), then that many bits of the difference.
        int entry = dcTable.Lookahead[(int)(bits >> (64 - HuffmanTable.LookaheadBits))];
        if (entry == 0)
        {
            entry = LongCode(dcTable, (int)(bits >> 48));
            if (entry < 0)
            {
                return -1;
            }
        }

        bits <<= entry >> 8;
        count -= entry >> 8;
        int size = entry & 0xFF;
        if (size > 11)
        {
            return -4;
        }

        int diff = 0;
        if (size != 0)
        {
            diff = Extend((int)(bits >> (64 - size)), size);
            bits <<= size;
            count -= size;
        }

        // jdhuff.c stores the DC value as a JCOEF (short); a sum outside its range is not reproduced.
        int dcValue = prediction + diff;
        if (dcValue is < short.MinValue or > short.MaxValue)
        {
            return -3;
        }

        prediction = dcValue;
        block = dcValue * (zigzagQuant >> 8);

        // AC: run/size symbols in zig-zag order up to an end-of-block; the common short code + value pairs come whole
        // from the fast table.
        int k = 1;
        for (; k < 64; k++)
        {
            Refill(ref bits, ref count, ref position, ref limit, ref state, data);

            int fast = Unsafe.Add(ref fastAc, (int)(bits >> (64 - HuffmanTable.FastAcBits)));
            int value;
            if (fast != 0)
            {
                bits <<= fast & 0xFF;
                count -= fast & 0xFF;
                k += (fast >> 8) & 0xFF;
                value = fast >> 16;
            }
            else
            {
                entry = Unsafe.Add(ref acLookahead, (int)(bits >> (64 - HuffmanTable.LookaheadBits)));
                if (entry == 0)
                {
                    entry = LongCode(acTable, (int)(bits >> 48));
                    if (entry < 0)
                    {
                        return -1;
                    }
                }

                bits <<= entry >> 8;
                count -= entry >> 8;
                int run = (entry >> 4) & 15;
                size = entry & 15;
                if (size == 0)
                {
                    if (run != 15)
                    {
                        break;
                    }

                    k += 15;
                    continue;
                }

                if (size > 10)
                {
                    return -4;
                }

                k += run;
                value = Extend((int)(bits >> (64 - size)), size);
                bits <<= size;
                count -= size;
            }

            int packed = Unsafe.Add(ref zigzagQuant, k);
            Unsafe.Add(ref block, packed & 0xFF) = value * (packed >> 8);
        }

        state = new BitState(bits, count, position, limit, state.Padding);

        // Only the DC term when the first symbol ended the block (a block with AC terms always moved k on; one whose
        // only content was zero runs takes the full IDCT, which gives the same result as the DC shortcut).
        return Unsafe.Add(ref block, 64) != 0 ? -2 : k > 1 ? 1 : 0;
    }

    // Below 32 bits (a symbol and its value need at most 16 + 11), tops the buffer up to at least 57: eight bytes at
    // once up to the next FF (found ahead of time), byte by byte from there. Inlined, so its arguments stay the
    // caller's register locals.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Refill(ref ulong bits, ref int count, ref int position, ref int limit, ref BitState state, ReadOnlySpan<byte> data)
    {
        if (count >= 32)
        {
            return;
        }

        if (position <= limit)
        {
            int take = (64 - count) >> 3;
            ulong word = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(data), position)));
            bits |= (word >> (64 - (8 * take))) << (64 - count - (8 * take));
            count += 8 * take;
            position += take;
        }
        else
        {
            state = RefillBytes(new BitState(bits, count, position, limit, state.Padding), data);
            (bits, count, position, limit) = (state.Bits, state.Count, state.Position, state.Limit);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ZeroBlock(ref int block)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            for (nuint i = 0; i < 72; i += 8)
            {
                Vector256<int>.Zero.StoreUnsafe(ref block, i);
            }
        }
        else
        {
            MemoryMarshal.CreateSpan(ref block, 72).Clear();
        }
    }

    // jdhuff.c HUFF_EXTEND: a value below 2^(size-1) is negative.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Extend(int value, int size) => value < (1 << (size - 1)) ? value - (1 << size) + 1 : value;

    // A code longer than the lookahead: length << 8 | symbol, or -1 when no code of up to 16 bits matches.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LongCode(HuffmanTable table, int code16)
    {
        for (int length = HuffmanTable.LookaheadBits + 1; length <= 16; length++)
        {
            int code = code16 >> (16 - length);
            if (code <= table.MaxCode[length])
            {
                return (length << 8) | table.Symbols[code + table.ValueOffset[length]];
            }
        }

        return -1;
    }

    // Byte by byte, up to at least 57 bits: FF 00 is a stuffed FF; any other FF xx is a marker, where (as at the end of
    // the data) zero bits are supplied instead and counted, as libjpeg-turbo does before it warns. The limit of the
    // eight-byte refills then moves to 8 bytes before the next FF (or the end), or to -1 once a marker was reached.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static BitState RefillBytes(BitState state, ReadOnlySpan<byte> data)
    {
        ulong bits = state.Bits;
        int count = state.Count;
        int position = state.Position;
        int padding = state.Padding;
        while (count <= 56)
        {
            int b = 0;
            if (padding == 0 && position < data.Length)
            {
                b = data[position];
                if (b == 0xFF)
                {
                    if (position + 1 < data.Length && data[position + 1] == 0)
                    {
                        position += 2;
                    }
                    else
                    {
                        b = 0;
                        padding += 8;
                    }
                }
                else
                {
                    position++;
                }
            }
            else
            {
                padding += 8;
            }

            bits |= (ulong)b << (56 - count);
            count += 8;
        }

        return new BitState(bits, count, position, padding == 0 ? BitState.LimitAt(data, position) : -1, padding);
    }

    /// <summary>
    /// The entropy decoder's bit buffer: a left-aligned 64-bit buffer holding <see cref="Count"/> bits, the next byte
    /// to read, the last position from which eight bytes hold no FF (so they can be loaded at once), and how many zero
    /// bits were supplied past a marker or the end of the data.
    /// </summary>
    private readonly record struct BitState(ulong Bits, int Count, int Position, int Limit, int Padding)
    {
        public static BitState Start(ReadOnlySpan<byte> data) => new(0, 0, 0, LimitAt(data, 0), 0);

        public static int LimitAt(ReadOnlySpan<byte> data, int position)
        {
            int next = data[position..].IndexOf((byte)0xFF);
            return (next < 0 ? data.Length : position + next) - 8;
        }
    }

    private static void Idct(Span<int> block, int kind, Span<byte> output, int stride, bool vector)
    {
        if (kind == 0)
        {
            // Only DC: both passes reduce to libjpeg-turbo's all-zero-AC shortcuts, a constant block of
            // range_limit[DESCALE(dq << PASS1_BITS, PASS1_BITS + 3)].
            // dcval is an int in jidctint.c (its shift wraps as here); the row pass descales it as a JLONG.
            byte value = RangeLimit((int)(((long)(block[0] << Pass1Bits) + (1 << (Pass1Bits + 2))) >> (Pass1Bits + 3)));
            for (int r = 0; r < 8; r++)
            {
                output.Slice(r * stride, 8).Fill(value);
            }

            return;
        }

        if (vector && IdctVector(block, output, stride))
        {
            return;
        }

        IdctScalar(block, output, stride);
    }

    // jdmaster.c prepare_range_limit_table, seen through IDCT_range_limit and RANGE_MASK (1023): the IDCT's centred
    // output x gives table[x & 1023] = x + 128 for -128..127, 255 for 128..511, 0 for 512..895 and the wrap 896..1023.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte RangeLimit(int x) => (byte)Math.Clamp(((x + 512) & 1023) - 384, 0, 255);

    /// <summary>jidctint.c jpeg_idct_islow in 64-bit arithmetic (JLONG on LP64): the reference the vector path equals.</summary>
    internal static void IdctScalar(ReadOnlySpan<int> block, Span<byte> output, int stride)
    {
        // The workspace is int in jidctint.c: each first-pass output is truncated to 32 bits there, as here.
        Span<int> workspace = stackalloc int[64];
        for (int c = 0; c < 8; c++)
        {
            Kernel(
                block[c], block[8 + c], block[16 + c], block[24 + c], block[32 + c], block[40 + c], block[48 + c], block[56 + c],
                ConstBits - Pass1Bits, out long o0, out long o1, out long o2, out long o3, out long o4, out long o5, out long o6, out long o7);
            workspace[c] = (int)o0;
            workspace[8 + c] = (int)o1;
            workspace[16 + c] = (int)o2;
            workspace[24 + c] = (int)o3;
            workspace[32 + c] = (int)o4;
            workspace[40 + c] = (int)o5;
            workspace[48 + c] = (int)o6;
            workspace[56 + c] = (int)o7;
        }

        for (int r = 0; r < 8; r++)
        {
            var w = workspace.Slice(r * 8, 8);
            Kernel(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], ConstBits + Pass1Bits + 3, out long o0, out long o1, out long o2, out long o3, out long o4, out long o5, out long o6, out long o7);
            var row = output.Slice(r * stride, 8);
            row[0] = RangeLimit((int)o0);
            row[1] = RangeLimit((int)o1);
            row[2] = RangeLimit((int)o2);
            row[3] = RangeLimit((int)o3);
            row[4] = RangeLimit((int)o4);
            row[5] = RangeLimit((int)o5);
            row[6] = RangeLimit((int)o6);
            row[7] = RangeLimit((int)o7);
        }
    }

    // One 1-D pass of jidctint.c (even part, odd part, final butterfly with DESCALE by `shift`).
    private static void Kernel(
        long i0, long i1, long i2, long i3, long i4, long i5, long i6, long i7, int shift,
        out long o0, out long o1, out long o2, out long o3, out long o4, out long o5, out long o6, out long o7)
    {
        long z1 = (i2 + i6) * Fix0541196100;
        long tmp2 = z1 + (i6 * -Fix1847759065);
        long tmp3 = z1 + (i2 * Fix0765366865);
        long tmp0 = (i0 + i4) << ConstBits;
        long tmp1 = (i0 - i4) << ConstBits;
        long tmp10 = tmp0 + tmp3;
        long tmp13 = tmp0 - tmp3;
        long tmp11 = tmp1 + tmp2;
        long tmp12 = tmp1 - tmp2;

        long z4 = i5 + i1;
        long z3 = i7 + i3;
        long z2 = i5 + i3;
        z1 = i7 + i1;
        long z5 = (z3 + z4) * Fix1175875602;
        long t3 = i1 * Fix1501321110;
        long t2 = i3 * Fix3072711026;
        long t1 = i5 * Fix2053119869;
        long t0 = i7 * Fix0298631336;
        z4 = (z4 * -Fix0390180644) + z5;
        z3 = (z3 * -Fix1961570560) + z5;
        z1 *= -Fix0899976223;
        z2 *= -Fix2562915447;
        t3 += z1 + z4;
        t2 += z2 + z3;
        t1 += z2 + z4;
        t0 += z1 + z3;

        long round = 1L << (shift - 1);
        o0 = (tmp10 + t3 + round) >> shift;
        o7 = (tmp10 - t3 + round) >> shift;
        o1 = (tmp11 + t2 + round) >> shift;
        o6 = (tmp11 - t2 + round) >> shift;
        o2 = (tmp12 + t1 + round) >> shift;
        o5 = (tmp12 - t1 + round) >> shift;
        o3 = (tmp13 + t0 + round) >> shift;
        o4 = (tmp13 - t0 + round) >> shift;
    }

    /// <summary>
    /// The same IDCT on eight columns at once in 32-bit lanes. Returns false (having written nothing) when an input or
    /// a first-pass output is too large for 32-bit arithmetic to be exact; the 64-bit path then runs.
    /// </summary>
    internal static bool IdctVector(ReadOnlySpan<int> block, Span<byte> output, int stride)
    {
        ref int b = ref MemoryMarshal.GetReference(block);
        var r0 = Vector256.LoadUnsafe(ref b, 0);
        var r1 = Vector256.LoadUnsafe(ref b, 8);
        var r2 = Vector256.LoadUnsafe(ref b, 16);
        var r3 = Vector256.LoadUnsafe(ref b, 24);
        var r4 = Vector256.LoadUnsafe(ref b, 32);
        var r5 = Vector256.LoadUnsafe(ref b, 40);
        var r6 = Vector256.LoadUnsafe(ref b, 48);
        var r7 = Vector256.LoadUnsafe(ref b, 56);
        var bound = Vector256.Create(VectorSafeBound);
        if (AnyAtLeast(bound, r0, r1, r2, r3, r4, r5, r6, r7))
        {
            return false;
        }

        KernelVector(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, ConstBits - Pass1Bits);

        if (AnyAtLeast(bound, r0, r1, r2, r3, r4, r5, r6, r7))
        {
            return false;
        }

        Metrics.Int32Transpose.Transpose8(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);
        KernelVector(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7, ConstBits + Pass1Bits + 3);
        Metrics.Int32Transpose.Transpose8(ref r0, ref r1, ref r2, ref r3, ref r4, ref r5, ref r6, ref r7);

        var offset = Vector256.Create(512);
        var mask = Vector256.Create(1023);
        var centre = Vector256.Create(384);
        var zero = Vector256<int>.Zero;
        var top = Vector256.Create(255);
        r0 = Vector256.Min(Vector256.Max(((r0 + offset) & mask) - centre, zero), top);
        r1 = Vector256.Min(Vector256.Max(((r1 + offset) & mask) - centre, zero), top);
        r2 = Vector256.Min(Vector256.Max(((r2 + offset) & mask) - centre, zero), top);
        r3 = Vector256.Min(Vector256.Max(((r3 + offset) & mask) - centre, zero), top);
        r4 = Vector256.Min(Vector256.Max(((r4 + offset) & mask) - centre, zero), top);
        r5 = Vector256.Min(Vector256.Max(((r5 + offset) & mask) - centre, zero), top);
        r6 = Vector256.Min(Vector256.Max(((r6 + offset) & mask) - centre, zero), top);
        r7 = Vector256.Min(Vector256.Max(((r7 + offset) & mask) - centre, zero), top);
        var rows03 = Vector256.Narrow(Vector256.Narrow(r0, r1), Vector256.Narrow(r2, r3)).AsUInt64();
        var rows47 = Vector256.Narrow(Vector256.Narrow(r4, r5), Vector256.Narrow(r6, r7)).AsUInt64();
        ref byte o = ref MemoryMarshal.GetReference(output);
        Unsafe.WriteUnaligned(ref o, rows03.GetElement(0));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, stride), rows03.GetElement(1));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, 2 * stride), rows03.GetElement(2));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, 3 * stride), rows03.GetElement(3));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, 4 * stride), rows47.GetElement(0));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, 5 * stride), rows47.GetElement(1));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, 6 * stride), rows47.GetElement(2));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, 7 * stride), rows47.GetElement(3));
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AnyAtLeast(
        Vector256<int> bound, Vector256<int> r0, Vector256<int> r1, Vector256<int> r2, Vector256<int> r3,
        Vector256<int> r4, Vector256<int> r5, Vector256<int> r6, Vector256<int> r7)
    {
        var largest = Vector256.Max(
            Vector256.Max(Vector256.Max(Vector256.Abs(r0), Vector256.Abs(r1)), Vector256.Max(Vector256.Abs(r2), Vector256.Abs(r3))),
            Vector256.Max(Vector256.Max(Vector256.Abs(r4), Vector256.Abs(r5)), Vector256.Max(Vector256.Abs(r6), Vector256.Abs(r7))));

        // Abs(int.MinValue) stays negative: compare as unsigned so that it counts as large.
        return Vector256.GreaterThanOrEqualAny(largest.AsUInt32(), bound.AsUInt32());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void KernelVector(
        ref Vector256<int> i0, ref Vector256<int> i1, ref Vector256<int> i2, ref Vector256<int> i3,
        ref Vector256<int> i4, ref Vector256<int> i5, ref Vector256<int> i6, ref Vector256<int> i7, int shift)
    {
        var z1 = (i2 + i6) * Fix0541196100;
        var tmp2 = z1 + (i6 * -Fix1847759065);
        var tmp3 = z1 + (i2 * Fix0765366865);
        var tmp0 = (i0 + i4) << ConstBits;
        var tmp1 = (i0 - i4) << ConstBits;
        var tmp10 = tmp0 + tmp3;
        var tmp13 = tmp0 - tmp3;
        var tmp11 = tmp1 + tmp2;
        var tmp12 = tmp1 - tmp2;

        var z4 = i5 + i1;
        var z3 = i7 + i3;
        var z2 = i5 + i3;
        z1 = i7 + i1;
        var z5 = (z3 + z4) * Fix1175875602;
        var t3 = i1 * Fix1501321110;
        var t2 = i3 * Fix3072711026;
        var t1 = i5 * Fix2053119869;
        var t0 = i7 * Fix0298631336;
        z4 = (z4 * -Fix0390180644) + z5;
        z3 = (z3 * -Fix1961570560) + z5;
        z1 *= -Fix0899976223;
        z2 *= -Fix2562915447;
        t3 += z1 + z4;
        t2 += z2 + z3;
        t1 += z2 + z4;
        t0 += z1 + z3;

        var round = Vector256.Create(1 << (shift - 1));
        tmp10 += round;
        tmp11 += round;
        tmp12 += round;
        tmp13 += round;
        i0 = (tmp10 + t3) >> shift;
        i7 = (tmp10 - t3) >> shift;
        i1 = (tmp11 + t2) >> shift;
        i6 = (tmp11 - t2) >> shift;
        i2 = (tmp12 + t1) >> shift;
        i5 = (tmp12 - t1) >> shift;
        i3 = (tmp13 + t0) >> shift;
        i4 = (tmp13 - t0) >> shift;
    }

    // Pillow's L → RGB copies the level into each channel: the shared row conversion of a one-byte gray layout.
    private static void WriteGray(Workspace ws, Span<byte> rgb)
    {
        ref var component = ref ws.Components[0];
        PixelGeometry.ToRgb24(ws.Planes.AsSpan(component.Offset), ws.Width, ws.Height, component.Stride, PixelLayout.L8, rgb);
    }

    private static void WriteColour(Workspace ws, Span<byte> rgb)
    {
        int width = ws.Width;
        var planes = ws.Planes.AsSpan();
        var rows = ws.RowBuffers(width);
        var sums = ws.SumBuffer(width);
        for (int y = 0; y < ws.Height; y++)
        {
            var luma = ComponentRow(ws, 0, y, planes, rows[0], sums);
            var cb = ComponentRow(ws, 1, y, planes, rows[1], sums);
            var cr = ComponentRow(ws, 2, y, planes, rows[2], sums);
            ConvertRow(luma, cb, cr, rgb.Slice(y * width * 3, width * 3));
        }
    }

    // The full-resolution row y of component c: the plane's row itself, or jdsample.c's triangle-filter upsampling of
    // it into `scratch`.
    private static ReadOnlySpan<byte> ComponentRow(Workspace ws, int c, int y, Span<byte> planes, Span<byte> scratch, Span<short> sums)
    {
        ref var component = ref ws.Components[c];
        int dw = component.DownsampledWidth;
        if (component.VerticalRatio == 1)
        {
            var row = planes.Slice(component.Offset + (y * component.Stride), component.Stride);
            if (component.HorizontalRatio == 1)
            {
                return row;
            }

            // jdsample.c h2v1_fancy_upsample: 3/4 of the nearer sample and 1/4 of the further one, rounding 1 and 2
            // alternately; the first and last output samples copy the edge sample, which the edge-replicated formula
            // gives too ((4v + 1) >> 2 = (4v + 2) >> 2 = v).
            ColumnSums(row, row, dw, sums, 1);
            Interpolate(sums, dw, scratch, 1, 2, 2);
            return scratch;
        }

        // jdsample.c h2v2_fancy_upsample: the nearer input row and the next nearer one (above for even output rows,
        // below for odd), the image's first and last rows standing in for the rows beyond them (jdmainct.c's context
        // pointers); column sums 3·near + far, then 3/4 and 1/4 across with rounding 8 and 7. The first and last
        // columns' special cases ((4s + 8) >> 4 and (4s + 7) >> 4) are the general formula with the edge sum repeated.
        int near = y >> 1;
        int far = (y & 1) == 0 ? Math.Max(near - 1, 0) : Math.Min(near + 1, component.DownsampledHeight - 1);
        ColumnSums(
            planes.Slice(component.Offset + (near * component.Stride), component.Stride),
            planes.Slice(component.Offset + (far * component.Stride), component.Stride),
            dw,
            sums,
            3);
        Interpolate(sums, dw, scratch, 8, 7, 4);
        return scratch;
    }

    // sums[1 + i] = nearWeight·near[i] + far[i] for i < dw (far is ignored, weight 1 and near == far meaning just the
    // sample, for h2v1), with sums[0] and sums[dw + 1] repeating the edge values.
    private static void ColumnSums(ReadOnlySpan<byte> near, ReadOnlySpan<byte> far, int dw, Span<short> sums, int nearWeight)
    {
        int i = 0;
        ref byte n0 = ref MemoryMarshal.GetReference(near);
        ref byte f0 = ref MemoryMarshal.GetReference(far);
        ref short s0 = ref MemoryMarshal.GetReference(sums);
        bool single = nearWeight == 1;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 8 <= dw; i += 8)
            {
                var n = Vector128.WidenLower(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref n0, i))).AsByte());
                var sum = single ? n : (n * 3) + Vector128.WidenLower(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref f0, i))).AsByte());
                sum.AsInt16().StoreUnsafe(ref s0, (nuint)(i + 1));
            }
        }

        for (; i < dw; i++)
        {
            sums[i + 1] = (short)(single ? near[i] : (near[i] * 3) + far[i]);
        }

        sums[0] = sums[1];
        sums[dw + 1] = sums[dw];
    }

    // output[2i] = (3·sums[i+1] + sums[i] + evenRound) >> shift, output[2i+1] = (3·sums[i+1] + sums[i+2] + oddRound) >> shift.
    // The vector loop may write up to 14 bytes past 2·dw (scratch the caller never reads).
    internal static void Interpolate(ReadOnlySpan<short> sums, int dw, Span<byte> output, int evenRound, int oddRound, int shift, bool vector = true)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated && vector)
        {
            ref short s0 = ref MemoryMarshal.GetReference(sums);
            ref byte o0 = ref MemoryMarshal.GetReference(output);
            var even = Vector128.Create((short)evenRound);
            var odd = Vector128.Create((short)oddRound);
            var interleave = Vector128.Create((byte)0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15);
            for (; i < dw; i += 8)
            {
                var left = Vector128.LoadUnsafe(ref s0, (nuint)i);
                var centre = Vector128.LoadUnsafe(ref s0, (nuint)(i + 1)) * 3;
                var right = Vector128.LoadUnsafe(ref s0, (nuint)(i + 2));
                var e = Vector128.ShiftRightLogical(centre + left + even, shift).AsUInt16();
                var o = Vector128.ShiftRightLogical(centre + right + odd, shift).AsUInt16();
                Vector128.Shuffle(Vector128.Narrow(e, o), interleave).StoreUnsafe(ref o0, (nuint)(2 * i));
            }

            return;
        }

        for (; i < dw; i++)
        {
            int centre = sums[i + 1] * 3;
            output[2 * i] = (byte)((centre + sums[i] + evenRound) >> shift);
            output[(2 * i) + 1] = (byte)((centre + sums[i + 2] + oddRound) >> shift);
        }
    }

    // jdcolor.c ycc_rgb_convert, with its range_limit (a clamp to 0..255 for these sums): R = Y + Cr_r_tab[Cr],
    // G = Y + ((Cb_g_tab[Cb] + Cr_g_tab[Cr]) >> 16), B = Y + Cb_b_tab[Cb]; the vector loop computes the tables'
    // entries from their formula in 32-bit lanes, 16 pixels at a time.
    // vectorBits limits the widest vectors used (512, 256 or 0 for the table loop alone), so that tests can check every
    // path against the others on one machine.
    internal static void ConvertRow(ReadOnlySpan<byte> luma, ReadOnlySpan<byte> cb, ReadOnlySpan<byte> cr, Span<byte> rgb, int vectorBits = 512)
    {
        int width = rgb.Length / 3;
        int x = 0;
        if (Avx2.IsSupported && vectorBits >= 256)
        {
            ref byte y0 = ref MemoryMarshal.GetReference(luma);
            ref byte b0 = ref MemoryMarshal.GetReference(cb);
            ref byte r0 = ref MemoryMarshal.GetReference(cr);
            ref byte o0 = ref MemoryMarshal.GetReference(rgb);
            if (Avx512F.IsSupported && vectorBits >= 512)
            {
                // One 16-lane vector per channel where the CPU has 512-bit vectors (the same formula per lane).
                var centre = Vector512.Create(128);
                var half = Vector512.Create(1 << 15);
                var top = Vector512.Create(255);
                for (; x + 16 <= width; x += 16)
                {
                    var y = Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref y0, (nuint)x));
                    var cbx = Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref b0, (nuint)x)) - centre;
                    var crx = Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref r0, (nuint)x)) - centre;
                    var red = Avx512F.ConvertToVector128Byte(Vector512.Min(Vector512.Max(y + (((crx * s_fixCrR) + half) >> 16), Vector512<int>.Zero), top));
                    var green = Avx512F.ConvertToVector128Byte(Vector512.Min(Vector512.Max(y + (((cbx * -s_fixCbG) + half + (crx * -s_fixCrG)) >> 16), Vector512<int>.Zero), top));
                    var blue = Avx512F.ConvertToVector128Byte(Vector512.Min(Vector512.Max(y + (((cbx * s_fixCbB) + half) >> 16), Vector512<int>.Zero), top));
                    var masks = s_interleaveMasks;
                    (Ssse3.Shuffle(red, masks[0]) | Ssse3.Shuffle(green, masks[1]) | Ssse3.Shuffle(blue, masks[2])).StoreUnsafe(ref o0, (nuint)(3 * x));
                    (Ssse3.Shuffle(red, masks[3]) | Ssse3.Shuffle(green, masks[4]) | Ssse3.Shuffle(blue, masks[5])).StoreUnsafe(ref o0, (nuint)((3 * x) + 16));
                    (Ssse3.Shuffle(red, masks[6]) | Ssse3.Shuffle(green, masks[7]) | Ssse3.Shuffle(blue, masks[8])).StoreUnsafe(ref o0, (nuint)((3 * x) + 32));
                }
            }

            for (; x + 16 <= width; x += 16)
            {
                var y16 = Vector128.LoadUnsafe(ref y0, (nuint)x);
                var b16 = Vector128.LoadUnsafe(ref b0, (nuint)x);
                var r16 = Vector128.LoadUnsafe(ref r0, (nuint)x);
                var (redLow, greenLow, blueLow) = Convert8(Avx2.ConvertToVector256Int32(y16), Avx2.ConvertToVector256Int32(b16), Avx2.ConvertToVector256Int32(r16));
                var (redHigh, greenHigh, blueHigh) = Convert8(
                    Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(y16, 8)),
                    Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(b16, 8)),
                    Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(r16, 8)));
                var red = ToBytes(redLow, redHigh);
                var green = ToBytes(greenLow, greenHigh);
                var blue = ToBytes(blueLow, blueHigh);
                var masks = s_interleaveMasks;
                (Ssse3.Shuffle(red, masks[0]) | Ssse3.Shuffle(green, masks[1]) | Ssse3.Shuffle(blue, masks[2])).StoreUnsafe(ref o0, (nuint)(3 * x));
                (Ssse3.Shuffle(red, masks[3]) | Ssse3.Shuffle(green, masks[4]) | Ssse3.Shuffle(blue, masks[5])).StoreUnsafe(ref o0, (nuint)((3 * x) + 16));
                (Ssse3.Shuffle(red, masks[6]) | Ssse3.Shuffle(green, masks[7]) | Ssse3.Shuffle(blue, masks[8])).StoreUnsafe(ref o0, (nuint)((3 * x) + 32));
            }
        }

        var crR = s_crR;
        var cbB = s_cbB;
        var crG = s_crG;
        var cbG = s_cbG;
        for (int o = 3 * x; x < width; x++, o += 3)
        {
            int y = luma[x];
            int b = cb[x];
            int r = cr[x];
            rgb[o] = (byte)Math.Clamp(y + crR[r], 0, 255);
            rgb[o + 1] = (byte)Math.Clamp(y + ((cbG[b] + crG[r]) >> 16), 0, 255);
            rgb[o + 2] = (byte)Math.Clamp(y + cbB[b], 0, 255);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<int> Red, Vector256<int> Green, Vector256<int> Blue) Convert8(Vector256<int> y, Vector256<int> cb, Vector256<int> cr)
    {
        var centre = Vector256.Create(128);
        var half = Vector256.Create(1 << 15);
        var zero = Vector256<int>.Zero;
        var top = Vector256.Create(255);
        var cbx = cb - centre;
        var crx = cr - centre;
        var red = y + (((crx * s_fixCrR) + half) >> 16);
        var blue = y + (((cbx * s_fixCbB) + half) >> 16);
        var green = y + (((cbx * -s_fixCbG) + half + (crx * -s_fixCrG)) >> 16);
        return (Vector256.Min(Vector256.Max(red, zero), top), Vector256.Min(Vector256.Max(green, zero), top), Vector256.Min(Vector256.Max(blue, zero), top));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> ToBytes(Vector256<int> low, Vector256<int> high)
    {
        var shorts = Vector256.Narrow(low, high).AsUInt16();
        return Vector128.Narrow(shorts.GetLower(), shorts.GetUpper());
    }

    private struct Component
    {
        public int Id;
        public int H;
        public int V;
        public int QuantTable;
        public int DcTable;
        public int AcTable;
        public int BlocksWide;
        public int BlocksHigh;
        public int Stride;
        public int Offset;
        public int DownsampledWidth;
        public int DownsampledHeight;
        public int HorizontalRatio;
        public int VerticalRatio;
    }

    private sealed class Workspace
    {
        private byte[][] _rows = [[], [], []];
        private short[] _sums = [];

        public Component[] Components { get; } = new Component[3];

        public int[] ScanOrder { get; } = new int[3];

        public HuffmanTable?[] Huffman { get; } = new HuffmanTable?[8];

        // Per quantisation table, per zig-zag index k: its natural position | its quantiser << 8. Indices 64..79 (a
        // run past the end, which libjpeg-turbo clamps to position 63) point at a spare slot 64 with quantiser 1, so
        // the entropy decoder needs no test per coefficient: a non-zero slot 64 afterwards declines the file.
        public int[][] ZigzagQuant { get; } = [new int[80], new int[80], new int[80], new int[80]];

        public int[] Block { get; } = new int[72];

        public byte[] Planes { get; set; } = [];

        public int QuantDefined { get; set; }

        public int ComponentCount { get; set; }

        public int Width { get; set; }

        public int Height { get; set; }

        public int McusWide { get; set; }

        public int McusHigh { get; set; }

        public void Reset()
        {
            QuantDefined = 0;
            ComponentCount = 0;
            Width = 0;
            Height = 0;
            Array.Clear(Components);
            foreach (var table in Huffman)
            {
                table?.Clear();
            }
        }

        public byte[][] RowBuffers(int width)
        {
            // Two output samples per input sample, plus what the upsampler writes past the width (an odd width's
            // extra sample, and the vector loop's last partial step).
            if (_rows[0].Length < width + 32)
            {
                _rows = [new byte[width + 32], new byte[width + 32], new byte[width + 32]];
            }

            return _rows;
        }

        public short[] SumBuffer(int width)
        {
            // One sum per downsampled sample, the two repeated edges, and the vector loop's reads past them.
            if (_sums.Length < width + 32)
            {
                _sums = new short[width + 32];
            }

            return _sums;
        }
    }

    /// <summary>A derived Huffman decoding table: a 9-bit lookahead for short codes, canonical limits for the rest.</summary>
    private sealed class HuffmanTable
    {
        public const int LookaheadBits = 9;

        // Bits of the combined code + value table of AC symbols (8 KiB per table).
        public const int FastAcBits = 11;

        // Per 9-bit prefix: code length << 8 | symbol, or 0 when the code is longer than 9 bits.
        public ushort[] Lookahead { get; } = new ushort[1 << LookaheadBits];

        // Per 9-bit prefix of an AC table whose code and value bits both fit in it: value << 16 | run << 8 | bits used;
        // 0 otherwise (an end-of-block, a zero run of 16, or a longer code or value).
        public int[] FastAc { get; } = new int[1 << FastAcBits];

        // maxcode[l]: the largest code of length l, or -1; valueOffset[l]: symbol index of a code of length l minus it.
        public int[] MaxCode { get; } = new int[18];

        public int[] ValueOffset { get; } = new int[18];

        public byte[] Symbols { get; } = new byte[256];

        public bool Defined { get; private set; }

        // The definition (16 counts, then the symbols) the tables below were last built from; length -1 when none.
        private readonly byte[] _built = new byte[16 + 256];
        private int _builtLength = -1;
        private bool _builtIsDc;

        public void Clear() => Defined = false;

        public bool Build(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> symbols, bool isDc)
        {
            // Files of one encoder carry the same tables: a definition equal to the one this slot last built (and
            // accepted) is taken as it is.
            int length16 = 16 + symbols.Length;
            if (_builtLength == length16 && _builtIsDc == isDc && counts.SequenceEqual(_built.AsSpan(0, 16)) && symbols.SequenceEqual(_built.AsSpan(16, symbols.Length)))
            {
                Defined = true;
                return true;
            }

            _builtLength = -1;
            Defined = false;
            Array.Clear(Lookahead);
            symbols.CopyTo(Symbols);

            // jdhuff.c jpeg_make_d_derived_tbl: DC symbols above 15 and over-subscribed code spaces are errors.
            if (isDc)
            {
                foreach (byte s in symbols)
                {
                    if (s > 15)
                    {
                        return false;
                    }
                }
            }

            int code = 0;
            int index = 0;
            for (int length = 1; length <= 16; length++)
            {
                int count = counts[length - 1];
                ValueOffset[length] = index - code;
                for (int i = 0; i < count; i++, index++, code++)
                {
                    if (code >= (1 << length))
                    {
                        return false;
                    }

                    if (length <= LookaheadBits)
                    {
                        int shift = LookaheadBits - length;
                        int start = code << shift;
                        Lookahead.AsSpan(start, 1 << shift).Fill((ushort)((length << 8) | symbols[index]));
                    }
                }

                MaxCode[length] = count > 0 ? code - 1 : -1;

                // As jpeg_make_d_derived_tbl: the all-ones code of a length may not be used.
                if (code >= (1 << length))
                {
                    return false;
                }

                code <<= 1;
            }

            MaxCode[17] = int.MaxValue;
            for (int prefix = 0; prefix < FastAc.Length; prefix++)
            {
                int entry = Lookahead[prefix >> (FastAcBits - LookaheadBits)];
                int length = entry >> 8;
                int size = entry & 15;
                int used = length + size;
                FastAc[prefix] = entry == 0 || size == 0 || used > FastAcBits
                    ? 0
                    : (Extend((prefix >> (FastAcBits - used)) & ((1 << size) - 1), size) << 16) | (((entry >> 4) & 15) << 8) | used;
            }

            counts.CopyTo(_built);
            symbols.CopyTo(_built.AsSpan(16));
            _builtLength = length16;
            _builtIsDc = isDc;
            Defined = true;
            return true;
        }
    }
}
