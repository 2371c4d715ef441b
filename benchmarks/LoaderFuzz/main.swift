// Loader fuzzing, for long runs: seeded mutations of the bundled post and of
// small posts, each loaded; any crash stops the process (the seed printed
// last replays it). Prints executions and their rate.
//
// With --compare-cut, each mutant is also loaded cut at every heading
// (`PostCutting.atEveryHeading`: the worker thread, the arenas) and the two
// results must be equal: a difference stops the run with its seed.
//
//     LoaderFuzz SECONDS [FIRST_SEED] [--compare-cut]
#if canImport(Glibc)
import Glibc
#endif
import DeckKit

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let compareCut = CommandLine.arguments.contains("--compare-cut")
let numbers = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("--") }
let seconds = numbers.first.flatMap(Double.init) ?? 60
var seed = numbers.dropFirst().first.flatMap { UInt64($0) } ?? 1
let corpus: [[UInt8]] = [
    Array(DeckLoader.bundledText.utf8),
    Array("---\ntitle: t\ntags: [a, b]\n---\n# A\n- **B** c `d` [e](f)\n  - g\n1. h\n| x | y |\n|---|---|\n| 1 | 2 |\n".utf8),
    Array("- loose\n\n# H\n> - quoted\n- **Label**\n- under it\n```\ncode\n```\n".utf8),
    // Blocks that can hold a heading line, for the cutter: fences in and
    // out of list items, HTML blocks, a quote, a table.
    Array("""
    # A
    - item
      ```
      # in code
      ```
    <!-- note
    # in comment -->
    ## B
    <div>
    # in html

    ~~~
    # in tilde code
    ~~~
    > # quoted heading
    > - q
    | a | b |
    |---|---|
    | 1 | 2 |
    ### C
    - fact
    """.utf8),
]
let start = now()
var executions = 0, loaded = 0, refused = 0
while now() - start < seconds {
    var mutator = PostMutator(seed: seed)
    let input = mutator.mutate(corpus[Int(seed % UInt64(corpus.count))])
    let whole = Result { () throws(DeckLoadError) in try DeckLoader.load(bytes: input, file: "fuzz.md", cutting: .never) }
    switch whole {
    case .success(let deck): loaded += deck.summary.facts >= 0 ? 1 : 0
    case .failure: refused += 1
    }
    if compareCut {
        let cut = Result { () throws(DeckLoadError) in try DeckLoader.load(bytes: input, file: "fuzz.md", cutting: .atEveryHeading) }
        if cut != whole {
            let path = "/tmp/loaderfuzz-\(seed).md"
            if let file = fopen(path, "wb") {
                _ = input.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
                fclose(file)
            }
            fatalError("seed \(seed): the post cut at every heading loads differently (the post: \(path))")
        }
    }
    executions += 1
    seed += 1
}
let elapsed = now() - start
print("LoaderFuzz\(compareCut ? " --compare-cut" : ""): \(executions) executions in \(Int(elapsed)) s (\(Int(Double(executions) / elapsed))/s): \(loaded) loaded, \(refused) refused, 0 crashes; next seed \(seed)")
