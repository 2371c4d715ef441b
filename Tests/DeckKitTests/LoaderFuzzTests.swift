import Testing
@testable import DeckKit

/// A short seeded fuzz run in every test run (the long run is
/// `swift run -c release LoaderFuzz SECONDS`): mutants of the bundled post
/// load or are refused with a DeckLoadError, and a loaded deck is sound.
@Suite("Loader fuzz", .timeLimit(.minutes(2)))
struct LoaderFuzzTests {
    @Test func twoThousandMutantsLoadOrAreRefused() {
        let base = Array(DeckLoader.bundledText.utf8)
        var loaded = 0
        for seed in 1...2000 as ClosedRange<UInt64> {
            var mutator = PostMutator(seed: seed)
            let input = mutator.mutate(base)
            do {
                let deck = try DeckLoader.load(bytes: input, file: "fuzz.md")
                loaded += 1
                #expect(deck.summary.facts > 0)
                var ids: [FactID] = []
                deck.root.forEachNode { node in
                    ids += node.facts.map(\.id)
                    for fact in node.facts { #expect(fact.line >= 1) }
                }
                #expect(Set(ids).count == ids.count, "seed \(seed): duplicate ids")
            } catch {
                #expect(!error.description.contains("\n"), "seed \(seed)")
            }
        }
        #expect(loaded > 1000) // most mutants are still posts
    }

    @Test func mutationsAreReproducible() {
        var first = PostMutator(seed: 99), second = PostMutator(seed: 99)
        let base = Array("# T\n- fact\n".utf8)
        #expect(first.mutate(base) == second.mutate(base))
    }
}
