namespace Alerts.Core.Common;

/// <summary>One occurrence of pattern <see cref="Pattern"/> at <c>[Start, Start+Length)</c> of the searched text.</summary>
public readonly record struct PatternHit(int Pattern, int Start, int Length);

/// <summary>
/// Aho–Corasick automaton over UTF-16 code units: every occurrence of every pattern in one left-to-right pass, in time
/// linear in the text plus the number of hits, whatever the number of patterns. Immutable after construction, so it is
/// safe to share between threads.
/// </summary>
public sealed class AhoCorasick
{
    private readonly int[] _rootNext = new int[char.MaxValue + 1];
    private readonly bool[] _inAlphabet = new bool[char.MaxValue + 1]; // a character no pattern contains sends any state to the root
    private readonly TransitionTable _next;
    private readonly int[] _fail;
    private readonly int[] _outputLink;   // nearest state on the fail chain (excluding self) that ends a pattern, or -1
    private readonly int[][] _outputs;    // patterns ending exactly at a state
    private readonly int[] _lengths;

    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        PatternCount = patterns.Count;
        _lengths = [.. patterns.Select(p => p.Length)];
        var building = new Dictionary<long, int>();
        var depthOf = new List<int> { 0 };
        var outputs = new List<List<int>?> { null };
        var children = new List<List<(char C, int State)>?> { null };

        for (var p = 0; p < patterns.Count; p++)
        {
            var pattern = patterns[p];
            if (string.IsNullOrEmpty(pattern))
            {
                continue; // an empty pattern matches nowhere useful
            }

            var state = 0;
            foreach (var c in pattern)
            {
                _inAlphabet[c] = true;
                var next = state == 0 ? _rootNext[c] : (building.TryGetValue(Key(state, c), out var n) ? n : 0);
                if (next == 0)
                {
                    next = depthOf.Count;
                    depthOf.Add(depthOf[state] + 1);
                    outputs.Add(null);
                    children.Add(null);
                    (children[state] ??= []).Add((c, next));
                    if (state == 0)
                    {
                        _rootNext[c] = next;
                    }
                    else
                    {
                        building[Key(state, c)] = next;
                    }
                }

                state = next;
            }

            (outputs[state] ??= []).Add(p);
        }

        _next = new TransitionTable(building);
        var count = depthOf.Count;
        StateCount = count;
        _fail = new int[count];
        _outputLink = new int[count];
        _outputs = new int[count][];
        for (var s = 0; s < count; s++)
        {
            _outputs[s] = outputs[s]?.ToArray() ?? [];
            _outputLink[s] = -1;
        }

        // Breadth first: a state's fail link is the longest proper suffix of its path that is also a path from the root.
        var queue = new Queue<int>();
        foreach (var (_, child) in children[0] ?? [])
        {
            _fail[child] = 0;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (c, child) in children[state] ?? [])
            {
                var f = _fail[state];
                int target;
                while (true)
                {
                    target = Step(f, c);
                    if (target >= 0 || f == 0)
                    {
                        break;
                    }

                    f = _fail[f];
                }

                _fail[child] = target < 0 || target == child ? 0 : target;
                var failState = _fail[child];
                _outputLink[child] = _outputs[failState].Length > 0 ? failState : _outputLink[failState];
                queue.Enqueue(child);
            }
        }
    }

    public int PatternCount { get; }

    public int StateCount { get; }

    /// <summary>Every occurrence, ordered by end position then by pattern length (longest first).</summary>
    public List<PatternHit> FindAll(string text)
    {
        var hits = new List<PatternHit>();
        FindAll(text, hits);
        return hits;
    }

    public void FindAll(string text, List<PatternHit> hits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(hits);
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!_inAlphabet[c])
            {
                state = 0; // no pattern goes on through c: skip the walk down the fail links
                continue;
            }

            while (true)
            {
                var next = Step(state, c);
                if (next >= 0)
                {
                    state = next;
                    break;
                }

                if (state == 0)
                {
                    break;
                }

                state = _fail[state];
            }

            for (var s = _outputs[state].Length > 0 ? state : _outputLink[state]; s > 0; s = _outputLink[s])
            {
                foreach (var p in _outputs[s])
                {
                    hits.Add(new PatternHit(p, i + 1 - _lengths[p], _lengths[p]));
                }
            }
        }
    }

    /// <summary>The transition on <paramref name="c"/>, or -1 (the root loops to itself: 0).</summary>
    private int Step(int state, char c)
    {
        if (state == 0)
        {
            return _rootNext[c];
        }

        return _next.Get(Key(state, c));
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;

    /// <summary>
    /// The non-root transitions, (state, character) → state, in one open-addressing table: a CJK alphabet is too large
    /// for a dense row per state, and the scan spends most of its time here, where a general dictionary costs twice as much.
    /// </summary>
    private sealed class TransitionTable
    {
        private const long Empty = -1;
        private readonly long[] _keys;
        private readonly int[] _values;
        private readonly int _shift;

        public TransitionTable(Dictionary<long, int> transitions)
        {
            var capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(transitions.Count * 2)));
            _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
            _keys = new long[capacity];
            _values = new int[capacity];
            Array.Fill(_keys, Empty);
            foreach (var (key, value) in transitions)
            {
                var slot = Slot(key);
                while (_keys[slot] != Empty)
                {
                    slot = (slot + 1) & (capacity - 1);
                }

                _keys[slot] = key;
                _values[slot] = value;
            }
        }

        /// <summary>The target state, or -1.</summary>
        public int Get(long key)
        {
            var mask = _keys.Length - 1;
            for (var slot = Slot(key); ; slot = (slot + 1) & mask)
            {
                var found = _keys[slot];
                if (found == key)
                {
                    return _values[slot];
                }

                if (found == Empty)
                {
                    return -1;
                }
            }
        }

        // Fibonacci hashing: the high bits of key × 2^64/φ spread the consecutive states and characters evenly.
        private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> _shift);
    }
}
