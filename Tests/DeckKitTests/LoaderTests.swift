import Testing
@testable import DeckKit

/// Loads a post written in the test itself.
private func load(_ text: String, file: String = "test.md") throws -> Deck {
    try DeckLoader.load(text: text, file: file)
}

private func facts(_ node: TopicNode) -> [String] {
    node.facts.map(\.text.plainText)
}

@Suite("Loading posts")
struct LoaderTests {
    @Test func yamlFrontMatterWithColons() throws {
        let deck = try load("""
            ---
            title: "My: notes"
            date: 2024-01-31T10:00:00Z
            tags: [aws, ml]
            ---
            # Topic
            - a fact
            """)
        #expect(deck.title == "My: notes")
        #expect(deck.date == "2024-01-31")
        #expect(deck.tags == ["aws", "ml"])
        #expect(deck.root.children[0].line == 6)
        #expect(deck.root.children[0].facts[0].line == 7)
    }

    /// A date that is no day of the calendar is refused with a warning on
    /// its line: the post has no date, rather than one that exports as 2024-13-45.
    @Test func aDateThatIsNoDayIsRefusedWithAWarning() throws {
        let deck = try load("---\ntitle: T\ndate: 2024-13-45\n---\n# Topic\n- a fact\n")
        #expect(deck.date == nil)
        #expect(deck.warnings == [LoadWarning(
            line: 3, message: "date \"2024-13-45\" is not a day of the calendar (YYYY-MM-DD): the post has no date")])
        for (value, date) in [("2024-02-29", "2024-02-29"), ("2000-02-29 10:00", "2000-02-29"), ("2023-12-31T23:59:59Z", "2023-12-31"),
                              ("2023-02-29", nil), ("1900-02-29", nil), ("2024-04-31", nil), ("2024-00-10", nil),
                              ("2024-01-00", nil), ("May 2024", nil)] as [(String, String?)] {
            let deck = try load("---\ndate: \(value)\n---\n# Topic\n- a fact\n")
            #expect(deck.date == date, "\(value)")
            #expect(deck.warnings.map(\.line) == (date == nil ? [2] : []), "\(value)")
        }
    }

    @Test func frontMatterListAndSingleQuotes() throws {
        let deck = try load("---\ntitle 'Quoted'\ntags:\n  - one\n  - two\n---\n## T\n- f\n")
        #expect(deck.title == "Quoted")
        #expect(deck.tags == ["one", "two"])
    }

    @Test func noFrontMatterNorLevelOneHeadingUsesTheFileName() throws {
        let deck = try load("## Heading\n- fact\n", file: "notes/my-notes.md")
        #expect(deck.title == "my-notes")
        #expect(deck.date == nil)
        #expect(deck.tags == [])
        #expect(facts(deck.root.children[0]) == ["fact"])
    }

    @Test func noFrontMatterTitleUsesTheFirstLevelOneHeading() throws {
        let deck = try load("## Before\n- early fact\n# Cloud **Integration**\n- fact\n# Second\n- other\n", file: "notes/mls-c01_fact-sheet.md")
        #expect(deck.title == "Cloud Integration")
        #expect(deck.root.title.plainText == "Cloud Integration")
        #expect(deck.root.children.map(\.title.plainText) == ["Before", "Cloud Integration", "Second"])
        // The front matter's title comes first.
        let titled = try load("---\ntitle: From Front Matter\n---\n# Heading\n- fact\n", file: "t.md")
        #expect(titled.title == "From Front Matter")
        // An empty front matter title is no title.
        #expect(try load("---\ntitle: \n---\n# Heading\n- fact\n", file: "t.md").title == "Heading")
    }

    @Test func twoPostsWithOneTitleAreToldApartByFileName() throws {
        let first = try load("# Same Title\n## A\n- alpha fact\n", file: "a/notes.md")
        let second = try load("# Same Title\n## B\n- beta fact\n", file: "b/other.md")
        let third = try load("# Another\n## C\n- gamma fact\n", file: "c/third.md")
        let kept = Deck.keptApart([first, second, third])
        #expect(kept.map(\.title) == ["Same Title · notes.md", "Same Title · other.md", "Another"])
        #expect(kept.map(\.root.title.plainText) == ["Same Title · notes.md", "Same Title · other.md", "Another"])
        // Ids do not change: titles are shown, never identity.
        #expect(kept[0].root.children[0].children[0].facts.map(\.id) == first.root.children[0].children[0].facts.map(\.id))
    }

    @Test func unclosedFrontMatterIsNotFrontMatter() throws {
        let deck = try load("---\ntitle: x\n# Heading\n- fact\n", file: "x.md")
        #expect(deck.title == "Heading")
        #expect(deck.root.children.map(\.title.plainText) == ["Heading"])
    }

    @Test func crlfLineEndings() throws {
        let deck = try load("---\r\ntitle: CRLF\r\n---\r\n# One\r\n- first\r\n- second\r\n  - detail\r\n")
        #expect(deck.title == "CRLF")
        let topic = deck.root.children[0]
        // A nested item is a fact of its own, with its parent as context.
        #expect(facts(topic) == ["first", "second", "detail"])
        #expect(topic.facts[2].context?.plainText == "second")
        #expect(topic.facts[2].depth == 1)
        #expect(topic.facts[1].line == 6)
        #expect(topic.facts[2].line == 7)
    }

    @Test func nestedAndOrderedLists() throws {
        let deck = try load("""
            # Steps
            1. Collect data
               - from S3
                 - via Glue
            2. Train
               Second paragraph of train.
            3. Deploy
            """)
        let topic = deck.root.children[0]
        // Nested items are facts in their own right, each with its parent as context.
        #expect(facts(topic) == ["Collect data", "from S3", "via Glue", "Train Second paragraph of train.", "Deploy"])
        #expect(topic.facts.map(\.depth) == [0, 1, 2, 0, 0])
        #expect(topic.facts[1].context?.plainText == "Collect data")
        #expect(topic.facts[2].context?.plainText == "from S3")
    }

    @Test func comparisonTablesKeepTheirFirstHeaderAndLinkRowsAreReferences() throws {
        let deck = try load("""
            # Cloud
            | Infrastructure as a Service (IaaS) | Platform as a Service (PaaS) |
            |---|---|
            | Provides virtualized computing resources over the internet | Provides a platform to run applications |
            | Metric | Formula |

            ## Architectures
            | Company | Reference |
            |---|---|
            | Twitter | [Making Twitter 10000 percent faster](https://example.com/twitter) |
            """)
        // A sentence in the first column is no row label: its header is.
        #expect(facts(deck.root.children[0]).first
                == "Infrastructure as a Service (IaaS): Provides virtualized computing resources over the internet — Platform as a Service (PaaS): Provides a platform to run applications")
        // A short first cell is the row's label, as before.
        #expect(facts(deck.root.children[0]).last == "Metric — Platform as a Service (PaaS): Formula")
        let architectures = deck.root.children[0].children[0]
        #expect(architectures.facts.isEmpty)
        #expect(architectures.notes.map(\.kind) == [.reference])
    }

    @Test func leadInsLinksAndContentsAreNotFacts() throws {
        let deck = try load("""
            # Notes
            - [Back to top](#notes)
            - **[📖 S3 Documentation](https://docs.aws.amazon.com/s3/)**
            - Benefits:
              - Lifecycle policies move objects between storage classes
              - Versioning keeps every version of an object
            - Redis types
            - Strings
            - Hashes
            - Sorted Sets
            """)
        let topic = deck.root.children[0]
        #expect(facts(topic) == ["Lifecycle policies move objects between storage classes",
                                 "Versioning keeps every version of an object", "Redis types", "Strings", "Hashes", "Sorted Sets"])
        #expect(topic.facts[0].context?.plainText == "Benefits:")
        #expect(topic.notes.map(\.kind) == [.reference])
        #expect(topic.notes.first?.text.plainText == "📖 S3 Documentation")
        #expect(topic.children.isEmpty) // the link is no label
    }

    @Test func headingsNestByLevel() throws {
        let deck = try load("# A\n## B\n- b\n### C\n- c\n## D\n- d\n# E\n- e\n")
        let root = deck.root
        #expect(root.children.map(\.title.plainText) == ["A", "E"])
        #expect(root.children[0].children.map(\.title.plainText) == ["B", "D"])
        #expect(root.children[0].children[0].children.map(\.title.plainText) == ["C"])
        #expect(deck.summary.sections == 2)
        #expect(deck.summary.topics == 3)
    }

    @Test func gfmTableRowsAreFacts() throws {
        let deck = try load("""
            # Metrics
            | Metric | Formula | Use |
            |---|---|---|
            | **Recall** | TP / (TP + FN) | fraud |
            | Precision | TP / (TP + FP) | |
            """)
        let topic = deck.root.children[0]
        #expect(facts(topic) == ["Recall — Formula: TP / (TP + FN); Use: fraud", "Precision — Formula: TP / (TP + FP)"])
        #expect(topic.facts[0].text.spans[0] == InlineSpan("Recall", style: .bold))
        #expect(topic.facts[1].line == 5)
    }

    @Test func fencedCodeAndParagraphsAreNotes() throws {
        let deck = try load("""
            # Code
            Some prose.

            ```python
            print("hi")
            x = 1
            ```
            - the fact
            """)
        let topic = deck.root.children[0]
        #expect(topic.notes.map(\.kind) == [.paragraph, .code])
        #expect(topic.notes[1].text.plainText == "print(\"hi\")\nx = 1")
        #expect(topic.notes[1].text.spans.allSatisfy { $0.style.contains(.code) })
        #expect(facts(topic) == ["the fact"])
    }

    @Test func linksImagesEmphasisAndCodeKeepTheirStyles() throws {
        let deck = try load("# T\n- See [the docs](https://aws.amazon.com) and ![a diagram](d.png), *really* `fast` ~~slow~~\n")
        let spans = deck.root.children[0].facts[0].text.spans
        #expect(deck.root.children[0].facts[0].text.plainText == "See the docs and a diagram, really fast slow")
        #expect(spans.contains(InlineSpan("the docs", style: .link, link: "https://aws.amazon.com")))
        #expect(spans.contains(InlineSpan("a diagram", style: .image)))
        #expect(spans.contains(InlineSpan("really", style: .italic)))
        #expect(spans.contains(InlineSpan("fast", style: .code)))
        #expect(spans.contains(InlineSpan("slow", style: .strikethrough)))
    }

    @Test func nonASCIIText() throws {
        let deck = try load("# 機械学習\n- Präzision und Trefferquote 🎯\n- 数据 “quotes”\n")
        #expect(deck.root.children[0].title.plainText == "機械学習")
        #expect(facts(deck.root.children[0]) == ["Präzision und Trefferquote 🎯", "数据 “quotes”"])
    }

    @Test func headingsWithNoFactsAreWarned() throws {
        let deck = try load("# Empty\n\n# Full\n- fact\n")
        #expect(deck.warnings == [LoadWarning(line: 1, message: "heading with no facts: Empty")])
    }

    @Test func bulletsBeforeTheFirstHeadingBelongToTheDeck() throws {
        let deck = try load("- early fact\n\n# Later\n- later fact\n")
        #expect(facts(deck.root) == ["early fact"])
        #expect(deck.warnings.map(\.line) == [1])
        #expect(deck.warnings[0].message.hasPrefix("list before any heading"))
    }

    @Test func labelWithNestedItemsOwnsThem() throws {
        let deck = try load("""
            # Learning
            - **Transfer Learning:**
              - reuse a trained model
              - fine-tune the top layers
            - **Recall** TP / (TP + FN)
            - plain fact
            """)
        let topic = deck.root.children[0]
        #expect(topic.children.map(\.title.plainText) == ["Transfer Learning"])
        #expect(facts(topic.children[0]) == ["reuse a trained model", "fine-tune the top layers"])
        // A bold lead-in followed by text is an ordinary fact, and ends no group.
        #expect(facts(topic) == ["Recall TP / (TP + FN)", "plain fact"])
    }

    @Test func labelWithoutNestedItemsTakesTheFollowingItems() throws {
        let deck = try load("# T\n- before\n- **One**\n- a\n- b\n- **Two**\n- c\n\nText.\n\n- after the list\n")
        let topic = deck.root.children[0]
        #expect(facts(topic) == ["before", "after the list"])
        #expect(topic.children.map { facts($0) } == [["a", "b"], ["c"]])
    }

    @Test func htmlIsDropped() throws {
        let deck = try load("# T\n<div>\nhidden\n</div>\n\n<!-- comment -->\n- kept <b>bold</b>\n")
        #expect(facts(deck.root.children[0]) == ["kept bold"])
        #expect(deck.root.children[0].notes.isEmpty)
    }

    @Test func duplicatedFactsAreWarnedAndStillGetDistinctIds() throws {
        let deck = try load("# T\n- same\n- Same\n")
        let topic = deck.root.children[0]
        #expect(topic.facts.count == 2)
        #expect(topic.facts[0].id != topic.facts[1].id)
        #expect(deck.warnings == [LoadWarning(line: 3, message: "duplicated fact (also on line 2): Same")])
    }

    @Test func twoTopicsWithOneTitleKeepTheirFactsApart() throws {
        // Found by the loader fuzz: a duplicated heading and fact gave two facts one id.
        let deck = try load("# Same\n- fact\n- fact\n# Same\n- fact\n# Other\n- fact\n")
        var ids: [FactID] = []
        deck.root.forEachNode { ids += $0.facts.map(\.id) }
        #expect(ids.count == 4)
        #expect(Set(ids).count == 4)
    }

    @Test func controlCharactersAreMadeVisible() throws {
        let deck = try load("# T\u{1B}[31m\n- bell\u{07} back\u{08} csi \u{9B}2J tab\there \u{202E}evil\u{2066}\n")
        #expect(deck.root.children[0].title.plainText == "T\u{241B}[31m")
        #expect(facts(deck.root.children[0]) == ["bell\u{2407} back\u{2408} csi \u{FFFD}2J tab here evil"])
    }

    @Test func aListsEtceteraAnItemRepeatingItsHeadingAndAWhereToLabelAreNoFacts() throws {
        let deck = try load("""
            # React
            ## The purpose of `push()` and `replace()` methods of history
            A history instance has two methods:

            1. `push()`
            2. `replace()`

            ## Static content
            - A reverse proxy can serve static content directly
                - HTML/CSS/JS
                - Photos
                - etc.
            ## Caching
            - Where to cache
                - Client caching keeps responses in the browser
            - push() makes a new history entry
            """)
        let methods = deck.root.children[0].children[0]
        #expect(!facts(methods).contains("push()") && !facts(methods).contains("replace()"))
        #expect(methods.notes.map(\.text.plainText).contains("push()"), "still shown in the detail pane")
        let content = deck.root.children[0].children[1]
        #expect(facts(content) == ["A reverse proxy can serve static content directly", "HTML/CSS/JS", "Photos"])
        #expect(content.notes.map(\.text.plainText).contains("etc."))
        let caching = deck.root.children[0].children[2]
        #expect(facts(caching) == ["Client caching keeps responses in the browser", "push() makes a new history entry"])
        #expect(caching.facts[0].context?.plainText == "Where to cache")
    }
    @Test func itemsAboutTheInterviewerAreNotesNotFacts() throws {
        // Sample 6, n 35, 39, 40: "看看你在_____都怎么玩儿过 Redis。" is the interviewer's aside.
        let deck = try load("""
            # Redis 数据类型和使用场景
            ## 面试官心理分析
            其实问这个问题，主要有两个原因：

            -   看看你到底有没有全面的了解 Redis 有哪些功能，就怕你别就会最简单的 KV 操作；
            -   看看你在实际项目里都怎么玩儿过 Redis。

            ## 面试题剖析
            -   Strings
            -   Sorted Sets
            """)
        let aside = deck.root.children[0].children[0]
        #expect(aside.title.plainText == "面试官心理分析" && aside.facts.isEmpty)
        #expect(aside.notes.map(\.text.plainText).contains("看看你在实际项目里都怎么玩儿过 Redis。"), "still shown in the detail pane")
        #expect(facts(deck.root.children[0].children[1]) == ["Strings", "Sorted Sets"])
    }
    @Test func changelogLinesNamingNoChangeAndClosingRemarksAreNotes() throws {
        // "Many documentation improvements" (rust-release-notes.md) and "You should now be able to
        // debug as you normally would." (reactjs-interview-questions.md) state nothing to learn.
        let deck = try load("""
            # Notes
            ## Libraries
            * Many documentation improvements
            * Many minor improvements to the documentation.
            * Many unsafe precondition checks now run for user code
            * Various fixes
            ## Debugging
            1. Press `Command + D` to open the debugger
            2. You should now be able to debug as you normally would.
            3. You should restart the packager after an upgrade
            """)
        let changes = deck.root.children[0].children[0]
        #expect(facts(changes) == ["Many unsafe precondition checks now run for user code"])
        #expect(changes.notes.map(\.text.plainText).contains("Many documentation improvements"), "still shown in the detail pane")
        let debugging = deck.root.children[0].children[1]
        #expect(facts(debugging) == ["Press Command + D to open the debugger", "You should restart the packager after an upgrade"])
        #expect(debugging.notes.map(\.text.plainText).contains("You should now be able to debug as you normally would."))
    }
}
