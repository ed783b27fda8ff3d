namespace Alerts.Core.Common;

/// <summary>One occurrence of pattern <see cref="Pattern"/> at <c>[Start, Start+Length)</c> of the searched text.</summary>
public readonly record struct PatternHit(int Pattern, int Start, int Length);

/// <summary>
/// Aho–Corasick automaton over UTF-16 code units: every occurrence of every pattern in one left-to-right pass, in time
/// linear in the text plus the number of hits, whatever the number of patterns. Immutable after construction, so it is
/// safe to share between threads.
/// <para>
/// The trie lives in flat arrays, states numbered breadth first: a state's children are consecutive states whose labels
/// are sorted, so a transition is a search in a short slice of one <c>char[]</c> and a state costs a few ints, not a
/// dictionary. Building sorts the patterns once and lays the trie out level by level from the sorted order, so the fail
/// links can be computed in state order without a queue: 51,000 patterns (10,000 companies) build in tens of
/// milliseconds, not the ~0.2 s a hash table of transitions took.
/// </para>
/// </summary>
public sealed class AhoCorasick
{
    /// <summary>Children of a state that are searched linearly; longer slices are searched by halves.</summary>
    private const int LinearChildren = 8;

    private readonly int[] _rootNext = new int[char.MaxValue + 1];   // dense row for the root: 0 = no pattern starts with c
    private readonly bool[] _inAlphabet = new bool[char.MaxValue + 1]; // a character no pattern contains sends any state to the root
    private readonly int[] _firstChild;   // children of state s are states [_firstChild[s], _firstChild[s + 1])
    private readonly char[] _label;       // the character on the edge into a state
    private readonly int[] _fail;
    private readonly int[] _outputLink;   // nearest state on the fail chain (excluding self) that ends a pattern, or -1
    private readonly int[] _firstOutput;  // patterns ending exactly at state s are _outputs[_firstOutput[s] .. _firstOutput[s + 1])
    private readonly int[] _outputs;
    private readonly int[] _lengths;

    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        PatternCount = patterns.Count;
        var lengths = new int[patterns.Count];
        var order = new List<int>(patterns.Count);
        var totalLength = 0;
        for (var p = 0; p < patterns.Count; p++)
        {
            lengths[p] = patterns[p]?.Length ?? 0;
            if (lengths[p] > 0)
            {
                order.Add(p); // an empty pattern matches nowhere useful
                totalLength += lengths[p];
            }
        }

        _lengths = lengths;

        // Sorted (ordinally, then by index): the patterns below a state form one run, its children's runs follow each
        // other in label order, and duplicates keep their input order.
        var sorted = order.ToArray();
        Array.Sort(sorted, (a, b) =>
        {
            var byText = string.CompareOrdinal(patterns[a], patterns[b]);
            return byText != 0 ? byText : a.CompareTo(b);
        });

        // At most one state per pattern character, plus the root.
        var capacity = totalLength + 1;
        var firstChild = new int[capacity + 1];
        var label = new char[capacity];
        var firstOutput = new int[capacity + 1];
        var outputs = new int[sorted.Length];
        var outputCount = 0;
        var stateCount = 1;

        // One level at a time: each entry is (state, [from, to) of sorted) — the patterns whose prefix of this depth
        // leads to the state. Processing a level in state order gives children in state order, so the layout is breadth first.
        var level = new List<(int State, int From, int To)> { (0, 0, sorted.Length) };
        var nextLevel = new List<(int State, int From, int To)>();
        for (var depth = 0; level.Count > 0; depth++)
        {
            nextLevel.Clear();
            foreach (var (state, from, to) in level)
            {
                // States are processed in order, so a state's slices start where the previous state's ended.
                firstChild[state] = stateCount;
                firstOutput[state] = outputCount;
                var i = from;
                while (i < to && lengths[sorted[i]] == depth)
                {
                    outputs[outputCount++] = sorted[i++]; // shorter patterns sort before their extensions
                }

                while (i < to)
                {
                    var c = patterns[sorted[i]][depth];
                    var j = i + 1;
                    while (j < to && patterns[sorted[j]][depth] == c)
                    {
                        j++;
                    }

                    var child = stateCount++;
                    label[child] = c;
                    _inAlphabet[c] = true;
                    nextLevel.Add((child, i, j));
                    i = j;
                }
            }

            (level, nextLevel) = (nextLevel, level);
        }

        firstChild[stateCount] = stateCount;
        firstOutput[stateCount] = outputCount;
        StateCount = stateCount;
        _firstChild = firstChild;
        _label = label;
        _firstOutput = firstOutput;
        _outputs = outputs;
        for (var child = firstChild[0]; child < firstChild[1]; child++)
        {
            _rootNext[label[child]] = child;
        }

        // Breadth first is state order: a state's fail link is the longest proper suffix of its path that is also a
        // path from the root, and every shorter state's link is known when it is needed.
        _fail = new int[stateCount];
        _outputLink = new int[stateCount];
        _outputLink[0] = -1;
        for (var state = 0; state < stateCount; state++)
        {
            for (var child = firstChild[state]; child < firstChild[state + 1]; child++)
            {
                var c = label[child];
                var target = 0;
                if (state != 0)
                {
                    for (var f = _fail[state]; ; f = _fail[f])
                    {
                        var next = Step(f, c);
                        if (next > 0)
                        {
                            target = next;
                            break;
                        }

                        if (f == 0)
                        {
                            break;
                        }
                    }
                }

                _fail[child] = target;
                _outputLink[child] = EndsPattern(target) ? target : _outputLink[target];
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
                if (next > 0)
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

            for (var s = EndsPattern(state) ? state : _outputLink[state]; s > 0; s = _outputLink[s])
            {
                for (var o = _firstOutput[s]; o < _firstOutput[s + 1]; o++)
                {
                    var p = _outputs[o];
                    hits.Add(new PatternHit(p, i + 1 - _lengths[p], _lengths[p]));
                }
            }
        }
    }

    private bool EndsPattern(int state) => _firstOutput[state + 1] > _firstOutput[state];

    /// <summary>The child of <paramref name="state"/> on <paramref name="c"/>, or 0 when there is none.</summary>
    private int Step(int state, char c)
    {
        if (state == 0)
        {
            return _rootNext[c];
        }

        var lo = _firstChild[state];
        var hi = _firstChild[state + 1];
        if (hi - lo <= LinearChildren)
        {
            for (var k = lo; k < hi; k++)
            {
                if (_label[k] == c)
                {
                    return k;
                }
            }

            return 0;
        }

        hi--;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = _label[mid];
            if (m == c)
            {
                return mid;
            }

            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return 0;
    }
}
