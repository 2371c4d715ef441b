import Testing
@testable import DeckKit

/// A large post is cut at headings and parsed piece by piece on a worker
/// thread (`PostChunker`, `PipelinedParse`). Cutting must never change the
/// deck: every test here loads the same text cut into pieces as small as
/// they come and in one parse, and compares the two decks whole (tree, ids,
/// lines, warnings).
@Suite("Pipelined load")
struct PipelinedLoadTests {
    /// The deck from one parse, and the deck from pieces cut at every heading.
    private func bothWays(_ text: String) throws -> (single: Deck, cut: Deck) {
        let single = try DeckLoader.load(text: text, file: "post.md", cutting: .never)
        let cut = try DeckLoader.load(text: text, file: "post.md", cutting: .atEveryHeading)
        return (single, cut)
    }

    /// `post` is not cut at `line` (a heading line cmark reads as code
    /// there) and loads the same cut and whole.
    private func expectNoCut(atLine line: Int, in post: String) throws {
        #expect(!pieces(post).map(\.firstLine).contains(line))
        let (single, cut) = try bothWays(post)
        #expect(cut == single)
    }

    private func pieces(_ text: String) -> [PostChunker.Piece] {
        var copy = text
        return copy.withUTF8 { PostChunker.pieces(of: $0, firstLine: 1, targetSize: 1) }
    }

    /// A post parsed from bytes it spends (`load(consuming:)`, whose parsed
    /// pages are given back to the system while later pieces are parsed) is
    /// the same deck, whatever the cutting; the bytes are empty after, and
    /// another copy of the same array keeps every byte (it is never the
    /// buffer whose pages are dropped).
    @Test func aPostParsedFromBytesItSpendsIsTheSameDeckAndOtherCopiesKeepTheirBytes() throws {
        // About 200 KB, front matter first: many pages, pieces across page edges.
        let post = "---\ntitle: Spent\n---\n" + (0..<400).map { topic in
            "## Topic \(topic)\n\n" + (0..<5).map { "- Fact \($0) of topic \(topic) keeps **bold**, `code` and é in a line of some length.\n" }.joined()
                + "\n| Service | Use |\n|---|---|\n| Glue \(topic) | ETL |\n\n"
        }.joined()
        let expected = try DeckLoader.load(text: post, file: "post.md", cutting: .never)
        #expect(expected.root.totalFactCount == 2_400)
        for cutting in [PostCutting.atEveryHeading, PostCutting(threshold: 0, pieceSize: 16 << 10), .never] {
            // The only holder: its own pages are dropped as the parse goes.
            var bytes = Array(post.utf8)
            #expect(try DeckLoader.load(consuming: &bytes, file: "post.md", cutting: cutting) == expected)
            #expect(bytes.isEmpty)
            // Shared with another array: that one keeps every byte.
            var shared = Array(post.utf8)
            let copy = shared
            #expect(try DeckLoader.load(consuming: &shared, file: "post.md", cutting: cutting) == expected)
            #expect(shared.isEmpty)
            #expect(copy == Array(post.utf8))
        }
        // Spent on failure too, with the error naming the file.
        var binary: [UInt8] = Array("# T\n- a fact\n".utf8) + [0]
        #expect(throws: DeckLoadError.self) { try DeckLoader.load(consuming: &binary, file: "bad.md") }
        #expect(binary.isEmpty)
    }

    @Test func theBundledPostCutAtEveryHeadingIsTheSameDeck() throws {
        let (single, cut) = try bothWays(DeckLoader.bundledText)
        #expect(pieces(DeckLoader.bundledText).count > 15)
        #expect(cut == single)
    }

    @Test func fencesTablesStrikethroughGroupsAndRepeatsSurviveTheCuts() throws {
        let post = """
        ---
        title: Cut
        tags: [a, b]
        ---
        # Top

        - before the fence ~~struck~~ **bold**

        ```
        # not a heading: code
        - not a fact
        ```

        ## Table

        | Service | Use |
        |---|---|
        | Glue | ETL |
        ## Groups
        - **Label**
        - grouped fact
          - its detail
        - repeated fact
        > quote paragraph
        # Another top
        - repeated fact
        - repeated fact
        ~~~md
        ## still code
        ~~~
        ### Deep
        1. numbered *fact*
        """
        let (single, cut) = try bothWays(post)
        // Front matter, Top, Table, Groups, Another top, Deep: none inside the fences.
        #expect(pieces(post).count == 6)
        #expect(cut == single)
        #expect(single.warnings.contains { $0.message.hasPrefix("duplicated fact") })
    }

    /// Found by `LoaderFuzz --compare-cut` (seed 1292): cmark gives a table
    /// row made from a broken table no line (0); a cut piece's offset must
    /// not turn that into a line of the file.
    @Test func nodesWithoutALineKeepNoneInAPiece() throws {
        let post = "# A\n- a\n# H\n|\n|---|\n|---|\n"
        let (single, cut) = try bothWays(post)
        #expect(cut == single)
        #expect(single.root.children[1].notes.map(\.line) == [0])
    }

    /// Found by `LoaderFuzz --compare-cut` (seed 250547): a line starting
    /// with `<` that cmark keeps as text, then a fence, then a heading line
    /// inside the fence. The fence must be followed even while an HTML block
    /// might be open.
    @Test func aFenceAfterALineThatLooksLikeHTMLStillHoldsItsHeadings() throws {
        let post = "# A\n< - quoted\n- x\n```\nloose\n\n# H in code\n```\n# B\n- y\n"
        // Read as HTML, the fence lines would be inside the block and the
        // fence parity flipped: no cut after the `<` line is safe.
        #expect(pieces(post).map(\.firstLine) == [1])
        let (single, cut) = try bothWays(post)
        #expect(cut == single)
    }

    /// Found by `LoaderFuzz --compare-cut` (seed 49877): fence lines inside
    /// an HTML block are HTML, so after the block a fence may be open that a
    /// fence-only reading thinks closed.
    @Test func fenceLinesInsideAnHTMLBlockAreNotFences() throws {
        try expectNoCut(atLine: 12, in: "# A\n<div>\n```\nx\n```\ny\n```\n\n```\n- a\n\n# H in code\n```\n# B\n- b\n")
    }

    /// A fence inside a list item ends with the item: a column-0 line after
    /// it is at the top level again, and may open a fence of its own.
    @Test func aFenceInAListItemEndsWithTheItem() throws {
        try expectNoCut(atLine: 8, in: "# A\n- item\n  ```\n  code\n# H\n- more\n```\n# H2 in code\n```\n# B\n- b\n")
    }

    /// Found by `LoaderFuzz --compare-cut` (seed 1488295): a fence line at
    /// column 0 after a fence opened in a list item does not close it; it
    /// ends the item and opens a fence of its own.
    @Test func aColumnZeroFenceAfterAListItemFenceOpensANewOne() throws {
        try expectNoCut(atLine: 5, in: "# A\n- item\n  ```\n```\n# H in code\n```\n# B\n- b\n")
    }

    /// Found by `LoaderFuzz --compare-cut` (seed 743 with the richer
    /// corpus): a line indented less than the item's content ends the item
    /// even when it is not at column 0, and a fence line after it opens a
    /// fence at the top level.
    @Test func aLessIndentedLineEndsTheItemAroundAFence() throws {
        try expectNoCut(atLine: 6, in: "# A\n- fact\n  ```\n x\n  ```\n## B in code\n- y\n")
    }

    @Test func piecesStartOnTheirFileLines() {
        let post = "# A\n- one\n\n# B\n- two\n```\n# code\n```\n# C\n"
        #expect(pieces(post).map(\.firstLine) == [1, 4, 9])
    }

    @Test func postsThatCannotBeCutSafelyAreParsedWhole() {
        // A link reference definition applies to the whole post; an HTML
        // block can run past a heading; a lone CR would shift line numbers.
        #expect(pieces("# A\n- [x][ref]\n# B\n- y\n\n[ref]: https://example.com\n").count == 1)
        #expect(pieces("# A\n- [x][ref]\n# B\n- [ref]: https://example.com\n").count == 1)
        #expect(pieces("# A\n- [x][a b]\n# B\n\n[a\nb]: https://example.com\n").count == 1)
        #expect(pieces("# A\n<div>\n# B\n</div>\n- y\n").count == 1)
        // An HTML block that surely ended lets the cuts go on.
        #expect(pieces("# A\n<!-- a\n# not cut\n-->\n# B\n- y\n<div>\n# not cut\n\n# C\n- z\n").map(\.firstLine) == [1, 5, 10])
        #expect(pieces("# A\r- x\n# B\n- y\n").count == 1)
        #expect(pieces("# A\r\n- x\r\n# B\r\n- y\r\n").count == 2)
    }

    @Test func mutantsLoadTheSameCutOrWhole() {
        let base = Array(DeckLoader.bundledText.utf8)
        for seed in 1...300 as ClosedRange<UInt64> {
            var mutator = PostMutator(seed: seed)
            let text = String(decoding: mutator.mutate(base), as: UTF8.self)
            let single = Result { () throws(DeckLoadError) in try DeckLoader.load(text: text, file: "m.md", cutting: .never) }
            let cut = Result { () throws(DeckLoadError) in try DeckLoader.load(text: text, file: "m.md", cutting: .atEveryHeading) }
            #expect(single == cut, "seed \(seed)")
        }
    }
}
