import Testing
@testable import DeckKit

/// What `stats` keeps of a post in the store instead of parsing it again
/// (issue 14): the outline of a deck, its stored bytes, the fingerprint that
/// says when it still stands for the post, and the ids it is read with.
@Suite("Deck outlines")
struct DeckOutlineTests {
    static let post = """
        # Notes
        - A fact at the top.
        ## Storage
        - Amazon S3 stores **objects** in buckets.
        - Amazon EBS gives blocks to one instance.
        ### Glacier
        - Glacier keeps archives for years.
        ## Compute
        - EC2 runs virtual machines.
        - EC2 runs virtual machines.
        """

    static func deck() throws -> Deck { try DeckLoader.load(text: post, file: "notes/aws.md") }

    /// The facts in the order and under the paths a walk of the deck gives.
    static func walk(_ deck: Deck) -> [(FactID, [String], String)] {
        var result: [(FactID, [String], String)] = []
        func visit(_ node: TopicNode, _ path: [String]) {
            for fact in node.facts { result.append((fact.id, path, fact.text.plainText)) }
            for child in node.children { visit(child, path + [child.title.plainText]) }
        }
        visit(deck.root, [])
        return result
    }

    @Test func anOutlineHoldsEveryFactInPostOrderWithItsPathAndText() throws {
        let deck = try Self.deck()
        let outline = DeckOutline(deck: deck)
        let walked = Self.walk(deck)
        #expect(walked.count == 6)
        #expect(outline.title == "Notes")
        #expect(outline.scope.map(\.0) == walked.map(\.0))
        #expect(outline.scope.map(\.1) == walked.map(\.1))
        #expect(outline.texts == walked.map(\.2))
        #expect(outline.texts[1] == "Amazon S3 stores objects in buckets.")
        #expect(outline.runs.map(\.factCount) == [1, 2, 1, 2])
    }

    @Test func theStoredBytesReadBackAsTheSameOutline() throws {
        let outline = DeckOutline(deck: try Self.deck())
        let decoded = try #require(DeckOutline.decoding(facts: outline.encodedFacts(), title: outline.title))
        #expect(decoded.runs == outline.runs)
        #expect(decoded.facts == outline.facts)
        #expect(decoded.texts.isEmpty)
        let chunks = outline.encodedTexts()
        #expect(chunks.count == 1)
        let texts = try #require(DeckOutline.texts(inChunk: 0, encoded: chunks[0], factCount: outline.facts.count,
                                                   at: [1, 5]))
        #expect(texts == [1: outline.texts[1], 5: outline.texts[5]])
    }

    /// Ids that are not 16 hex digits (tests, a store edited by hand) are
    /// kept as strings, and texts over several chunks are found in theirs.
    @Test func otherIdsAndManyChunksReadBackToo() throws {
        let count = DeckOutline.textsPerChunk * 2 + 3
        let facts = (0..<count).map { FactID(rawValue: $0 == 7 ? "hand-made é" : String(format16: $0)) }
        let outline = DeckOutline(title: "T", runs: [.init(path: ["A"], factCount: 10), .init(path: ["A", "B"], factCount: count - 10)],
                                  facts: facts, texts: (0..<count).map { "text \($0)" })
        let decoded = try #require(DeckOutline.decoding(facts: outline.encodedFacts(), title: "T"))
        #expect(decoded.facts == facts)
        #expect(decoded.facts[7].rawValue == "hand-made é")
        let chunks = outline.encodedTexts()
        #expect(chunks.count == 3)
        let last = count - 1
        #expect(DeckOutline.chunk(ofPosition: last) == 2)
        #expect(DeckOutline.texts(inChunk: 2, encoded: chunks[2], factCount: count, at: [last, 3]) == [last: "text \(last)"])
    }

    /// An outline made from a deck of several chunks writes each fact's text
    /// from the deck's bytes into its chunk, with each chunk's own count:
    /// the same bytes as one made from the texts as strings.
    @Test func aDeckOfSeveralChunksWritesEachTextInItsChunk() throws {
        let count = DeckOutline.textsPerChunk + 5
        let post = "# Many\n## Texts\n" + (0..<count).map { "- Fact \($0) keeps **bold** and `code` é.\n" }.joined()
        let deck = try DeckLoader.load(text: post, file: "many.md")
        let outline = DeckOutline(deck: deck)
        let walked = Self.walk(deck)
        #expect(walked.count == count)
        #expect(outline.texts == walked.map(\.2))
        #expect(outline.texts[count - 1] == "Fact \(count - 1) keeps bold and code é.")
        let fromStrings = DeckOutline(title: outline.title, runs: outline.runs, facts: outline.facts, texts: walked.map(\.2))
        #expect(fromStrings.encodedTexts() == outline.encodedTexts())
        let chunks = outline.encodedTexts()
        #expect(chunks.count == 2)
        #expect(DeckOutline.texts(inChunk: 1, encoded: chunks[1], factCount: count, at: [count - 1])
                == [count - 1: walked[count - 1].2])
        #expect(DeckOutline.texts(inChunk: 0, encoded: chunks[0], factCount: count, at: [0]) == [0: walked[0].2])
    }

    /// Any doubt about the bytes is a parse, never a wrong outline.
    @Test func bytesThatAreNotAnOutlineReadAsNone() throws {
        let outline = DeckOutline(deck: try Self.deck())
        let bytes = outline.encodedFacts()
        #expect(DeckOutline.decoding(facts: Array(bytes.dropLast()), title: "x") == nil)
        #expect(DeckOutline.decoding(facts: bytes + [0], title: "x") == nil)
        var otherVersion = bytes
        otherVersion[3] = UInt8(ascii: "9")
        #expect(DeckOutline.decoding(facts: otherVersion, title: "x") == nil)
        #expect(DeckOutline.decoding(facts: [], title: "x") == nil)
        let chunk = outline.encodedTexts()[0]
        #expect(DeckOutline.texts(inChunk: 0, encoded: Array(chunk.dropLast()), factCount: 6, at: [0]) == nil)
        #expect(DeckOutline.texts(inChunk: 0, encoded: chunk, factCount: 7, at: [0]) == nil)
    }

    @Test func aFingerprintChangesWithTheBytesTheBuildAndTheFileTitle() throws {
        let bytes = Array(Self.post.utf8)
        let key = PostFingerprint(bytes: bytes, file: "notes/aws.md", loader: "build 1")
        #expect(key == PostFingerprint(bytes: bytes, file: "elsewhere/aws.md", loader: "build 1"))
        // One byte changed, the size kept (as a quick edit can).
        var edited = bytes
        edited[edited.count - 3] = UInt8(ascii: "X")
        #expect(key != PostFingerprint(bytes: edited, file: "notes/aws.md", loader: "build 1"))
        #expect(key != PostFingerprint(bytes: bytes + [0x0A], file: "notes/aws.md", loader: "build 1"))
        #expect(key != PostFingerprint(bytes: bytes, file: "notes/aws.md", loader: "build 2"))
        // The file name can become the title (no front matter title, no `#`).
        #expect(key != PostFingerprint(bytes: bytes, file: "notes/gcp.md", loader: "build 1"))
        // Every single-byte change of a short post gives another key.
        var keys = Set<String>()
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x01
            keys.insert(PostFingerprint(bytes: changed, file: "a.md", loader: "b").key)
        }
        #expect(keys.count == bytes.count)
    }

    @Test func hexIdsAreKeptAsNumbersWithTheirRawValueOrderAndEquality() {
        let a = FactID(rawValue: "00ff00ff00ff00ff"), b = FactID(rawValue: "0a00000000000000")
        let upper = FactID(rawValue: "00FF00FF00FF00FF"), short = FactID(rawValue: "abc")
        #expect(a.rawValue == "00ff00ff00ff00ff")
        #expect(upper.rawValue == "00FF00FF00FF00FF")
        #expect(a != upper)
        #expect(a == FactID(rawValue: "00ff00ff00ff00ff"))
        let ids = [b, short, upper, a, FactID(rawValue: "ffffffffffffffff"), FactID(rawValue: "")]
        #expect(ids.sorted().map(\.rawValue) == ids.map(\.rawValue).sorted())
        let made = FactID.make(deck: "D", path: ["T"], text: "A fact.")
        #expect(made.rawValue.utf8.count == 16)
        #expect(FactID(rawValue: made.rawValue) == made)
        #expect(Set([made, FactID(rawValue: made.rawValue)]).count == 1)
        // Every byte either side of the digits' ranges ("/", ":", "`", "g",
        // "@", "G") in any place keeps the id a string, as the store wrote it.
        for place in 0..<16 {
            for byte in Array("/:`g@G".utf8) {
                var bytes = Array("0123456789abcdef".utf8)
                bytes[place] = byte
                let text = String(decoding: bytes, as: UTF8.self)
                let id = bytes.withUnsafeBufferPointer { FactID(utf8: $0) }
                #expect(id?.rawValue == text && id != FactID(rawValue: "0123456789abcdef"))
                #expect(id == FactID(rawValue: text))
            }
        }
        let read = Array("0123456789abcdef".utf8).withUnsafeBufferPointer { FactID(utf8: $0) }
        #expect(read == FactID(rawValue: "0123456789abcdef") && read?.bits == 0x0123_4567_89ab_cdef)
    }

    @Test func aFactIndexFindsEachIdsFirstPlace() {
        let ids = (0..<5000).map { FactID.make(deck: "D", path: ["T"], text: "fact \($0)") }
            + [FactID(rawValue: "other"), FactID(rawValue: "other")]
        let index = FactIndex(ids)
        #expect(index.count == ids.count)
        #expect(index.hasRepeats)
        for (position, id) in ids.enumerated().dropLast() { #expect(index.position(of: id) == position) }
        #expect(index.position(of: FactID.make(deck: "D", path: ["T"], text: "not there")) == nil)
        #expect(index.position(of: FactID(rawValue: "missing")) == nil)
        #expect(!FactIndex(Array(ids.prefix(5000))).hasRepeats)
        #expect(FactIndex([]).position(of: ids[0]) == nil)
        #expect(!index.isSpread, "loader-made ids are evenly spread: slots by their top bits")
    }

    /// Hex ids that share their top bits (made by hand, not by the loader)
    /// would make one long probe of the table: they are spread instead,
    /// and found all the same; repeats among them are still seen.
    @Test func crowdedIdsAreSpreadAndFound() {
        let ids = (0..<3000).map { FactID(rawValue: String(format16: $0)) }
        let index = FactIndex(ids)
        #expect(index.isSpread)
        #expect(!index.hasRepeats)
        for (position, id) in ids.enumerated() { #expect(index.position(of: id) == position) }
        #expect(index.position(of: FactID(rawValue: String(format16: 3000))) == nil)
        #expect(FactIndex(ids + [ids[7]]).hasRepeats)
        #expect(FactIndex(ids + [ids[7]]).position(of: ids[7]) == 7)
    }
}

private extension String {
    /// 16 lowercase hex digits of `value`.
    init(format16 value: Int) {
        let digits = String(value, radix: 16)
        self = String(repeating: "0", count: 16 - digits.count) + digits
    }
}
