import CCmarkGFM
import Synchronization

/// Turns a cmark-gfm document into a topic tree, following DESIGN.md §2:
///
/// - headings of any level nest by level;
/// - a list item directly under a heading is a fact, its nested items details;
/// - an item that is only bold text (`- **Pipe Input Mode**`) names a
///   sub-group: its nested items, or else the items after it up to the next
///   label, are the group's facts;
/// - a table row is a fact ("first cell — header: cell; …");
/// - paragraphs and code blocks are notes; HTML is dropped.
///
/// Nodes are collected in reference-typed drafts (the tree is built from the
/// top while cmark is walked) and frozen into value types at the end, when
/// fact ids can be computed from the full topic path.
struct MarkdownDeckBuilder {
    private let root: DraftNode
    private var headingStack: [(level: Int, node: DraftNode)] = []
    private var warnings: [LoadWarning] = []
    private var warnedListBeforeHeading = false
    private var warnedNesting = false
    /// Added to cmark's line numbers: a piece of a cut post starts at line 1
    /// for cmark but at `lineOffset + 1` in the file.
    private var lineOffset = 0

    /// Lists, quotes and details nested deeper than this are cut (with a
    /// warning): a hostile post with 10,000 levels must not exhaust the stack.
    static let maximumNesting = 32

    init(deckTitle: String) {
        root = DraftNode(root: InlineText(plain: deckTitle), deckIdentity: deckTitle)
    }

    /// Parses `bytes` with cmark-gfm and the table, strikethrough and
    /// autolink extensions, after `blankLines` empty lines (where front
    /// matter was, so cmark's line numbers are the file's). The tree is made
    /// with `allocator` (the system's when nil).
    ///
    /// One parse at a time in the whole process (`parserLock`): cmark-gfm's
    /// inline extensions keep their special characters (`~`) in a global
    /// table, so two posts parsed at once on two threads (as tests do) could
    /// lose each other's strikethrough (github/cmark-gfm#176). A post's own
    /// pieces are parsed one after another anyway (`PipelinedParse`).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, blankLines: Int,
                      allocator: UnsafeMutablePointer<cmark_mem>? = nil) -> OpaquePointer? {
        parserLock.withLock { _ in ParsedDocument(parseAlone(bytes, blankLines: blankLines, allocator: allocator)) }.node
    }

    /// A document handed out of the lock: it belongs to the caller alone.
    private struct ParsedDocument: @unchecked Sendable {
        let node: OpaquePointer?
        init(_ node: OpaquePointer?) { self.node = node }
    }

    /// Guards cmark-gfm's global extension table; the only process-wide
    /// state DeckKit keeps, because the C library keeps some.
    private static let parserLock = Mutex(())

    private static func parseAlone(_ bytes: UnsafeBufferPointer<UInt8>, blankLines: Int,
                                   allocator: UnsafeMutablePointer<cmark_mem>?) -> OpaquePointer? {
        cmark_gfm_core_extensions_ensure_registered()
        let made = allocator.map { cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, $0) } ?? cmark_parser_new(CMARK_OPT_DEFAULT)
        guard let parser = made else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        if blankLines > 0 {
            let newlines = [CChar](repeating: 0x0A, count: blankLines)
            newlines.withUnsafeBufferPointer { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        return cmark_parser_finish(parser)
    }

    /// Walks the document's top-level blocks into the tree. A post cut into
    /// pieces gives one document per piece, added in order; `lineOffset` is
    /// the line before the piece's first.
    mutating func add(document: OpaquePointer, lineOffset: Int = 0) {
        self.lineOffset = lineOffset
        for block in Self.children(of: document) {
            addBlock(block, depth: 0)
        }
        if !warnedNesting && Self.cutNesting(in: document) {
            warnedNesting = true
            warnings.append(LoadWarning(line: 1, message: "nesting deeper than \(Self.maximumNesting) levels was cut"))
        }
    }

    /// The file's line of a cmark node. cmark gives 0 for a node it made
    /// without a source position (a table cell or row the table extension
    /// builds from a broken row): that stays 0, as it would in one parse.
    private func fileLine(of node: OpaquePointer) -> Int {
        let line = Int(cmark_node_get_start_line(node))
        return line > 0 ? line + lineOffset : 0
    }

    /// Whether any block of the document nests deeper than the maximum
    /// (found without recursion).
    private static func cutNesting(in document: OpaquePointer) -> Bool {
        var stack: [(OpaquePointer, Int)] = children(of: document).map { ($0, 0) }
        while let (node, depth) = stack.popLast() {
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM || type == CMARK_NODE_BLOCK_QUOTE else { continue }
            if depth > maximumNesting * 2 { return true }
            var child = cmark_node_first_child(node)
            while let current = child {
                stack.append((current, depth + 1))
                child = cmark_node_next(current)
            }
        }
        return false
    }

    /// The finished tree, with fact ids, and the warnings found on the way.
    func finish() -> (root: TopicNode, warnings: [LoadWarning]) {
        var warnings = self.warnings
        var nodes: [DraftNode] = []
        root.collect(into: &nodes)
        for node in nodes { Self.makeFlipCard(of: node) }
        FactIdentities.fill(nodes)
        var seenFacts = SeenFactTexts(keys: nodes.flatMap { $0.facts.map(\.textKey) })
        var occurrences: [String: Int] = [:]
        let frozen = root.freeze(seenFacts: &seenFacts, occurrences: &occurrences, warnings: &warnings)
        return (frozen, warnings.sorted { $0.line < $1.line })
    }

    /// A heading that asks ("What is React?") over prose alone (no list, no
    /// sub-heading) is a flip card the notes write: the heading is the
    /// question, its paragraphs the answer (taken from the notes; code and
    /// references stay there, shown with it).
    private static func makeFlipCard(of node: DraftNode) {
        guard case .heading = node.kind, node.facts.isEmpty, node.children.isEmpty,
              let last = node.title.plainText.trimmingCharacters(in: " ").last, last == "?" || last == "？" else { return }
        let paragraphs = node.notes.filter { $0.kind == .paragraph }
        guard !paragraphs.isEmpty else { return }
        var answer: [InlineSpan] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { InlineText.append(InlineSpan(" "), to: &answer) }
            for span in paragraph.text.spans { InlineText.append(span, to: &answer) }
            // "…pass parameters:" over an example: say the example is in the
            // notes, or the answer reads "parameters: This is…".
            let nextLine = index + 1 < paragraphs.count ? paragraphs[index + 1].line : Int.max
            if node.notes.contains(where: { $0.kind == .code && $0.line > paragraph.line && $0.line < nextLine }) {
                InlineText.append(InlineSpan(" [example in the notes]"), to: &answer)
            }
        }
        node.notes.removeAll { $0.kind == .paragraph }
        node.facts.append(DraftFact(text: node.title, line: node.line, details: [], answer: InlineText(answer)))
    }

    // MARK: - Blocks

    private var currentNode: DraftNode { headingStack.last?.node ?? root }

    private mutating func addBlock(_ block: OpaquePointer, depth: Int) {
        guard depth <= Self.maximumNesting else { return }
        let line = fileLine(of: block)
        switch cmark_node_get_type(block) {
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(block))
            while let top = headingStack.last, top.level >= level { headingStack.removeLast() }
            let node = DraftNode(title: Self.inlineText(of: block), kind: .heading(level: level), line: line,
                                 parent: currentNode)
            currentNode.children.append(node)
            headingStack.append((level, node))
        case CMARK_NODE_LIST:
            if headingStack.isEmpty && !warnedListBeforeHeading {
                warnedListBeforeHeading = true
                warnings.append(LoadWarning(line: line, message: "list before any heading: its facts belong to the deck itself"))
            }
            addList(block, to: currentNode, depth: depth)
        case CMARK_NODE_PARAGRAPH:
            // "**[⬆ Back to Top](#table-of-contents)**": page navigation, dropped.
            if Self.link(ofItem: [block]) == .inPage { break }
            let text = Self.inlineText(of: block)
            if !text.isEmpty { currentNode.notes.append(Note(kind: .paragraph, text: text, line: line)) }
        case CMARK_NODE_CODE_BLOCK:
            let code = Self.codeText(of: block)
            if !code.isEmpty { currentNode.notes.append(Note(kind: .code, text: code, line: line)) }
        case CMARK_NODE_BLOCK_QUOTE:
            for child in Self.children(of: block) { addBlock(child, depth: depth + 1) }
        default:
            if Self.extensionType(of: block) == "table" { addTable(block, to: currentNode) }
            // HTML blocks, thematic breaks and footnote definitions carry no facts.
        }
    }

    /// - Parameters:
    ///   - context: the text of the item this list is nested in, if any.
    ///   - factDepth: how deep its items are nested among facts.
    private mutating func addList(_ list: OpaquePointer, to node: DraftNode, depth: Int, context: InlineText? = nil,
                                  factDepth: Int = 0) {
        guard depth <= Self.maximumNesting else { return }
        // A question bank's question: its stem is the paragraph right before
        // the list (taken from the notes), else the heading above it.
        if context == nil, let choices = Self.questionChoices(of: list) {
            var stem = node.title
            if let previous = cmark_node_previous(list), cmark_node_get_type(previous) == CMARK_NODE_PARAGRAPH {
                let line = fileLine(of: previous)
                stem = Self.trimmedText(of: previous)
                if let index = node.notes.lastIndex(where: { $0.kind == .paragraph && $0.line == line }) { node.notes.remove(at: index) }
            }
            if !stem.plainText.isEmpty {
                node.facts.append(DraftFact(text: stem, line: fileLine(of: list), details: [], depth: factDepth, choices: choices))
            }
            return
        }
        var openGroup: DraftNode?
        for item in Self.children(of: list) {
            let line = fileLine(of: item)
            let blocks = Self.children(of: item)
            // "1. ### What are props in React?" and its answer: a list used to
            // number whole sections. Its blocks are read as if at the top level.
            if blocks.contains(where: { cmark_node_get_type($0) == CMARK_NODE_HEADING }) {
                for block in blocks { addBlock(block, depth: depth + 1) }
                openGroup = nil
                continue
            }
            let nestedLists = blocks.dropFirst().filter { cmark_node_get_type($0) == CMARK_NODE_LIST }
            // A link alone is a reference (or the post's own contents), never a label or a fact.
            switch Self.link(ofItem: blocks) {
            case .inPage:
                continue
            case .elsewhere(let reference):
                (openGroup ?? node).notes.append(Note(kind: .reference, text: reference, line: line))
                continue
            case nil:
                break
            }
            if context == nil, let label = Self.label(ofItem: blocks) {
                let group = DraftNode(title: label, kind: .group, line: line, parent: node)
                node.children.append(group)
                if nestedLists.isEmpty {
                    openGroup = group
                } else {
                    openGroup = nil
                    for nestedList in nestedLists { addList(nestedList, to: group, depth: depth + 1) }
                }
                continue
            }
            let target = openGroup ?? node
            guard let first = blocks.first, cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH,
                  case let text = Self.trimmedText(of: first), !text.isEmpty else {
                // An item with no text of its own: its nested items stand in its place.
                for nestedList in blocks where cmark_node_get_type(nestedList) == CMARK_NODE_LIST {
                    addList(nestedList, to: target, depth: depth + 1, context: context, factDepth: factDepth)
                }
                continue
            }
            // "- Which mode streams data?" over "- [ ] File mode" / "- [x] Pipe mode": the item is the stem.
            if nestedLists.count == 1, let choices = Self.questionChoices(of: nestedLists[0]) {
                target.facts.append(DraftFact(text: text, line: line, details: [], context: context, depth: factDepth,
                                              choices: choices))
                continue
            }
            // "Benefits:" or "Use cases" introducing nested items is their context, not a fact.
            // So is a bare label ("Language", "Misc", "Amazon SQS") over items:
            // it states nothing to be asked about, and its items name it.
            let isLeadIn = !nestedLists.isEmpty && (Self.endsWithColon(text) || Self.isLeadInWord(text) || Self.isBareLabel(text)
                                                    || Self.isHeadingPhrase(text))
            // "etc." closing a list, or "push()" listed under "What is the purpose of
            // push() and replace()?": shown as written, but nothing to learn beyond
            // the heading or the list. Kept as a note, so the detail pane still has it.
            // Under "面试官心理分析" an item says what the interviewer wants to see, not a fact of the subject.
            if nestedLists.isEmpty, Self.isAboutTheInterviewer(target.title)
                || (context == nil ? Self.isFiller(text) || Self.echoes(text, heading: target.title) : Self.isFiller(text))
                || Self.isVagueChangeNote(text) || Self.isClosingRemark(text) {
                target.notes.append(Note(kind: .paragraph, text: text, line: line))
                continue
            }
            if !isLeadIn {
                target.facts.append(DraftFact(text: text, line: line,
                                              details: details(of: blocks.dropFirst().filter { cmark_node_get_type($0) != CMARK_NODE_LIST }[...],
                                                               depth: depth + 1),
                                              context: context, depth: factDepth))
            }
            for nestedList in nestedLists {
                addList(nestedList, to: target, depth: depth + 1, context: text, factDepth: factDepth + 1)
            }
        }
    }

    /// The options of a question bank's list: two or more GFM task items
    /// (cmark-gfm's tasklist extension reads the marks), at least one
    /// checked, every item a task item with text. Nil for anything else; a
    /// task list with nothing checked is a checklist, and its items are
    /// ordinary facts (the marks are gone from their text).
    static func questionChoices(of list: OpaquePointer) -> [FactChoice]? {
        let items = children(of: list)
        guard items.count >= 2, items.allSatisfy({ extensionType(of: $0) == "tasklist" }) else { return nil }
        var choices: [FactChoice] = []
        for item in items {
            guard let first = children(of: item).first, cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH else { return nil }
            let text = trimmedText(of: first)
            guard !text.plainText.isEmpty else { return nil }
            choices.append(FactChoice(text: text, isCorrect: cmark_gfm_extensions_get_tasklist_item_checked(item)))
        }
        return choices.contains(where: \.isCorrect) ? choices : nil
    }

    /// Words that only introduce the items under them ("Use cases",
    /// "Benefits"), colon or not.
    static let leadInWords: Set<String> = [
        "use cases", "use case", "benefits", "examples", "example", "features", "key features", "advantages",
        "disadvantages", "pros", "cons", "limitations", "includes", "types", "options", "properties",
        "characteristics", "notes", "why", "how", "when to use", "supports", "steps", "requirements",
    ]

    /// A label rather than a statement: at most three words, each with a
    /// capital ("Language", "Amazon SQS"; "Collect data" is a step, a
    /// statement), or six characters of CJK; no sentence punctuation, no number.
    static func isBareLabel(_ text: InlineText) -> Bool {
        let plain = text.plainText.trimmingCharacters(in: " *_")
        guard !plain.isEmpty, !plain.contains(where: { ".!?。！？,，;；(（".contains($0) || $0.isNumber }) else { return false }
        if plain.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) { return plain.count <= 6 }
        let words = plain.split(separator: " ")
        return words.count <= 3 && words.allSatisfy { $0.first?.isUppercase == true }
    }

    /// "Where to cache", "How to install": a heading written as a list
    /// item over the items it introduces; a question word and "to".
    static func isHeadingPhrase(_ text: InlineText) -> Bool {
        let words = text.plainText.lowercased().trimmingCharacters(in: " *_").split(separator: " ")
        guard (3...5).contains(words.count), words[1] == "to" else { return false }
        return ["where", "what", "how", "when", "why", "which", "who"].contains(String(words[0]))
    }

    /// A list's "and so on" ("etc.", "などなど", "等等"): no fact of its own.
    /// (Asked of every item of a post: the length is looked at before any text is made.)
    static func isFiller(_ text: InlineText) -> Bool {
        guard text.plainUTF8Count <= 24 else { return false }
        let plain = text.plainText.lowercased().trimmingCharacters(in: " *_.…。、,")
        return ["etc", "and so on", "and more", "and many more", "などなど", "など", "等等", "等", "..."].contains(plain)
    }

    /// A changelog line that names no change ("Many documentation
    /// improvements", "Many minor improvements to the documentation."):
    /// every word is a vague amount, a size, "documentation" or
    /// "improvements"/"fixes", so a question on it could only ask for one of
    /// those words. Shown as a note; a line naming what changed ("Many
    /// unsafe precondition checks now run…") has another word and stays a fact.
    static func isVagueChangeNote(_ text: InlineText) -> Bool {
        guard text.plainUTF8Count <= 64 else { return false }
        let words = text.plainText.lowercased().split { !$0.isLetter }
        guard words.count >= 2, words.contains(where: { $0 == "improvements" || $0 == "fixes" }) else { return false }
        return words.allSatisfy { vagueChangeWords.contains(String($0)) }
    }

    /// The only words of a changelog line that names no change.
    private static let vagueChangeWords: Set<String> = [
        "many", "various", "several", "numerous", "miscellaneous", "misc", "minor", "small", "incremental",
        "documentation", "docs", "doc", "improvements", "fixes", "bug", "and", "to", "the", "other",
    ]

    /// The last step of a how-to telling readers they are done ("You
    /// should now be able to debug as you normally would."): it says
    /// nothing of the subject, only that the steps above worked. Starts with
    /// "You should now be able to" or "You should now see".
    static func isClosingRemark(_ text: InlineText) -> Bool {
        guard text.plainUTF8Count <= 120 else { return false }
        let plain = text.plainText.lowercased().trimmingCharacters(in: " *_")
        return plain.hasPrefix("you should now be able to ") || plain.hasPrefix("you should now see ")
    }

    /// A heading over what an interviewer means to find out ("面试官心理分析",
    /// the interviewer's thinking, in the doocs interview notes): its items
    /// ("看看你在实际项目里都怎么玩儿过 Redis。", "就怕你干 1 年挖一堆坑…")
    /// are asides about the interview, nothing of the subject to learn. They
    /// stay in the detail pane as notes; the facts are in "面试题剖析".
    static func isAboutTheInterviewer(_ heading: InlineText) -> Bool {
        guard heading.plainUTF8Count <= 48 else { return false }
        return interviewerHeadings.contains(heading.plainText.trimmingCharacters(in: " "))
    }

    /// Headings that name the interviewer's thinking.
    private static let interviewerHeadings: Set<String> = ["面试官心理分析"]

    /// An item of up to three words, every one of which a longer heading
    /// already says ("push()" under "What is the purpose of push() and
    /// replace() methods of history?"): it repeats the heading and adds nothing.
    static func echoes(_ text: InlineText, heading: InlineText) -> Bool {
        func words(_ text: String) -> [Substring] {
            text.lowercased().split { !($0.isLetter || $0.isNumber) }
        }
        // Most items are sentences: only a short one can be three words.
        guard text.plainUTF8Count <= 48 else { return false }
        let own = words(text.plainText)
        guard (1...3).contains(own.count), !own.contains(where: { $0.unicodeScalars.contains { $0.value >= 0x2E80 } }) else { return false }
        // A heading that says more than the item ("B" over "- b" is a topic and its fact).
        let headingWords = words(heading.plainText)
        guard headingWords.count >= max(4, own.count * 3) else { return false }
        return own.allSatisfy { headingWords.contains($0) }
    }

    static func isLeadInWord(_ text: InlineText) -> Bool {
        leadInWords.contains(text.plainText.lowercased().trimmingCharacters(in: " *_"))
    }

    private static func endsWithColon(_ text: InlineText) -> Bool {
        let plain = text.plainText
        var end = plain.endIndex
        while end > plain.startIndex, plain[plain.index(before: end)].isWhitespace { end = plain.index(before: end) }
        guard end > plain.startIndex else { return false }
        let last = plain[plain.index(before: end)]
        return last == ":" || last == "："
    }

    /// The links a node holds, when it holds nothing else but decoration
    /// (spaces, punctuation, emoji, bold or italic round them); nil when it
    /// holds any other text.
    static func onlyLinks(in node: OpaquePointer) -> [OpaquePointer]? {
        var links: [OpaquePointer] = []
        var stack = children(of: node)
        while let inline = stack.popLast() {
            switch cmark_node_get_type(inline) {
            case CMARK_NODE_LINK:
                links.append(inline)
            case CMARK_NODE_STRONG, CMARK_NODE_EMPH:
                stack += children(of: inline)
            case CMARK_NODE_TEXT:
                if literal(ofRaw: inline).contains(where: { $0.isLetter || $0.isNumber }) { return nil }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_HTML_INLINE:
                continue
            default:
                return nil
            }
        }
        return links
    }

    static func target(of link: OpaquePointer) -> String {
        cmark_node_get_url(link).map { String(cString: $0) } ?? ""
    }

    /// Whether a table cell is nothing but links out of the page.
    static func isExternalLink(_ cell: OpaquePointer) -> Bool {
        guard let links = onlyLinks(in: cell), !links.isEmpty else { return false }
        return links.allSatisfy { !target(of: $0).hasPrefix("#") }
    }

    /// Whether a table cell is nothing but one link to an anchor of the page.
    static func isInPageLink(_ cell: OpaquePointer) -> Bool {
        guard let links = onlyLinks(in: cell), links.count == 1 else { return false }
        return target(of: links[0]).hasPrefix("#")
    }

    /// Where a list item that is nothing but one link points.
    enum ItemLink: Equatable {
        /// `[Back to top](#top)`, a contents entry.
        case inPage
        /// Elsewhere: the link's text, kept as a reference.
        case elsewhere(InlineText)
    }

    /// The link of an item whose whole content is one link, bold or not,
    /// with or without an emoji or punctuation beside it; nil for any other item.
    static func link(ofItem blocks: [OpaquePointer]) -> ItemLink? {
        guard let paragraph = blocks.first, cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { return nil }
        // Nested items under a link entry (a contents tree) go with it.
        guard blocks.dropFirst().allSatisfy({ cmark_node_get_type($0) == CMARK_NODE_LIST }) else { return nil }
        guard let links = onlyLinks(in: paragraph), links.count == 1, let link = links.first else { return nil }
        let url = target(of: link)
        if url.hasPrefix("#") { return .inPage }
        var text = trimmedText(of: link)
        text.spans = text.spans.map { InlineSpan($0.text, style: $0.style.union(.link), link: $0.link ?? TextSanitizer.clean(url)) }
        return .elsewhere(text)
    }

    private mutating func addTable(_ table: OpaquePointer, to node: DraftNode) {
        // A contents table (most rows link into the page; the rest name its
        // sections) is the post's scaffolding: none of it is a fact.
        let bodyRows = Self.children(of: table).filter { Self.extensionType(of: $0) != "table_header" }
        let contentsRows = bodyRows.filter { Self.children(of: $0).contains(where: Self.isInPageLink) }
        if !bodyRows.isEmpty, contentsRows.count * 2 >= bodyRows.count { return }
        var headers: [InlineText] = []
        for row in Self.children(of: table) {
            let cells = Self.children(of: row).map { Self.trimmedText(of: $0) }
            if Self.extensionType(of: row) == "table_header" {
                headers = cells
                continue
            }
            guard let first = cells.first(where: { !$0.isEmpty }),
                  let firstIndex = cells.firstIndex(where: { !$0.isEmpty }) else { continue }
            // A contents table: every cell a row number or a link into the page.
            let cellNodes = Self.children(of: row)
            let isContentsRow = zip(cells, cellNodes).allSatisfy { cell, node in
                cell.isEmpty || cell.plainText.allSatisfy({ $0.isNumber || $0 == "." || $0 == " " }) || Self.isInPageLink(node)
            } && cellNodes.contains(where: Self.isInPageLink)
            if isContentsRow { continue }
            // "Twitter | [Making Twitter 10000 percent faster](…)": a row of references, not a fact.
            let otherCells = zip(cells, cellNodes).enumerated().filter { $0.offset != firstIndex && !$0.element.0.isEmpty }
            if !otherCells.isEmpty, otherCells.allSatisfy({ Self.isExternalLink($0.element.1) }) {
                node.notes.append(Note(kind: .reference, text: first, line: fileLine(of: row)))
                continue
            }
            // Built as spans and encoded once (`InlineText.append(_:to:)`).
            var text = first.spans
            // A first cell that is a sentence is no row label: its column's header is
            // ("Infrastructure as a Service (IaaS): Provides virtualized computing…").
            if first.plainText.split(whereSeparator: { $0.isWhitespace }).count > 4, firstIndex < headers.count,
               !headers[firstIndex].isEmpty {
                text = []
                for span in headers[firstIndex].spans { InlineText.append(span, to: &text) }
                InlineText.append(InlineSpan(": "), to: &text)
                for span in first.spans { InlineText.append(span, to: &text) }
            }
            var parts: [[InlineSpan]] = []
            for (index, cell) in cells.enumerated() where index != firstIndex && !cell.isEmpty {
                var part: [InlineSpan] = []
                if index < headers.count, !headers[index].isEmpty {
                    for span in headers[index].spans { InlineText.append(span, to: &part) }
                    InlineText.append(InlineSpan(": "), to: &part)
                }
                for span in cell.spans { InlineText.append(span, to: &part) }
                parts.append(part)
            }
            for (index, part) in parts.enumerated() {
                InlineText.append(InlineSpan(index == 0 ? " — " : "; "), to: &text)
                for span in part { InlineText.append(span, to: &text) }
            }
            node.facts.append(DraftFact(text: InlineText(text), line: fileLine(of: row), details: []))
        }
    }

    // MARK: - Items

    /// The label of an item that is nothing but bold text, e.g.
    /// `- **Transfer Learning:**` gives "Transfer Learning".
    private static func label(ofItem blocks: [OpaquePointer]) -> InlineText? {
        guard let paragraph = blocks.first, cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { return nil }
        guard blocks.dropFirst().allSatisfy({ cmark_node_get_type($0) == CMARK_NODE_LIST }) else { return nil }
        var strong: OpaquePointer?
        for inline in children(of: paragraph) {
            switch cmark_node_get_type(inline) {
            case CMARK_NODE_STRONG:
                if strong != nil { return nil }
                strong = inline
            case CMARK_NODE_TEXT:
                let literal = String(cString: cmark_node_get_literal(inline))
                if !literal.allSatisfy({ $0 == ":" || $0.isWhitespace }) { return nil }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                continue
            default:
                return nil
            }
        }
        guard let strong else { return nil }
        var title = trimmedText(of: strong)
        // Drop a trailing colon inside the bold text, and the bold style itself.
        title.spans = title.spans.map { InlineSpan($0.text, style: $0.style.subtracting(.bold), link: $0.link) }
        if var last = title.spans.last {
            while last.text.hasSuffix(":") || last.text.hasSuffix(" ") { last.text.removeLast() }
            title.spans[title.spans.count - 1] = last
        }
        title = title.trimmed()
        // "**Kinesis = real-time big data streaming**" is a bold statement, not a label.
        let plain = title.plainText
        if plain.split(whereSeparator: { $0.isWhitespace }).count > 6 || plain.contains("=") || plain.hasSuffix(".") {
            return nil
        }
        return title.isEmpty ? nil : title
    }

    /// A fact from a list item's blocks: the first paragraph is its text; other
    /// paragraphs, code and nested items are details. Nil when it has no text.
    private func draftFact(fromItemBlocks blocks: [OpaquePointer], line: Int, depth: Int) -> DraftFact? {
        guard let first = blocks.first, cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH else { return nil }
        let text = Self.trimmedText(of: first)
        guard !text.isEmpty else { return nil }
        return DraftFact(text: text, line: line, details: details(of: blocks.dropFirst(), depth: depth + 1))
    }

    private func details(of blocks: ArraySlice<OpaquePointer>, depth: Int) -> [FactDetail] {
        guard depth <= Self.maximumNesting else { return [] }
        var details: [FactDetail] = []
        for block in blocks {
            let line = fileLine(of: block)
            switch cmark_node_get_type(block) {
            case CMARK_NODE_PARAGRAPH:
                let text = Self.trimmedText(of: block)
                if !text.isEmpty { details.append(FactDetail(text: text, line: line)) }
            case CMARK_NODE_CODE_BLOCK:
                let code = Self.codeText(of: block)
                if !code.isEmpty { details.append(FactDetail(text: code, line: line)) }
            case CMARK_NODE_LIST:
                for item in Self.children(of: block) {
                    let itemBlocks = Self.children(of: item)
                    let itemLine = fileLine(of: item)
                    if let first = itemBlocks.first, cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH {
                        let text = Self.trimmedText(of: first)
                        let nested = self.details(of: itemBlocks.dropFirst(), depth: depth + 1)
                        if text.isEmpty {
                            details.append(contentsOf: nested)
                        } else {
                            details.append(FactDetail(text: text, line: itemLine, details: nested))
                        }
                    } else {
                        details.append(contentsOf: self.details(of: itemBlocks[...], depth: depth + 1))
                    }
                }
            case CMARK_NODE_BLOCK_QUOTE:
                details.append(contentsOf: self.details(of: Self.children(of: block)[...], depth: depth + 1))
            default:
                continue
            }
        }
        return details
    }

    // MARK: - Inlines

    /// The inline content of a block with its styles, sanitised.
    static func inlineText(of node: OpaquePointer) -> InlineText {
        InlineText(inlineSpans(of: node))
    }

    /// The same with leading and trailing white space removed (trimmed
    /// before the text is encoded, which is then done once).
    static func trimmedText(of node: OpaquePointer) -> InlineText {
        InlineText(InlineText.trimmed(inlineSpans(of: node)))
    }

    private static func inlineSpans(of node: OpaquePointer) -> [InlineSpan] {
        var spans: [InlineSpan] = []
        appendInlines(of: node, style: [], link: nil, to: &spans)
        return spans
    }

    /// Walks the inline tree with an explicit stack (emphasis can nest
    /// thousands deep in a hostile post), carrying the styles down.
    private static func appendInlines(of node: OpaquePointer, style: InlineStyle, link: String?, to spans: inout [InlineSpan]) {
        var stack: [(next: OpaquePointer?, style: InlineStyle, link: String?)] = [(cmark_node_first_child(node), style, link)]
        while !stack.isEmpty {
            guard let child = stack[stack.count - 1].next else { stack.removeLast(); continue }
            stack[stack.count - 1].next = cmark_node_next(child)
            let (style, link) = (stack[stack.count - 1].style, stack[stack.count - 1].link)
            func descend(_ added: InlineStyle, link newLink: String? = nil) {
                stack.append((cmark_node_first_child(child), style.union(added), newLink ?? link))
            }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT:
                InlineText.append(InlineSpan(literal(of: child), style: style, link: link), to: &spans)
            case CMARK_NODE_CODE:
                InlineText.append(InlineSpan(literal(of: child), style: style.union(.code), link: link), to: &spans)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                InlineText.append(InlineSpan(" ", style: style, link: link), to: &spans)
            case CMARK_NODE_EMPH:
                descend(.italic)
            case CMARK_NODE_STRONG:
                descend(.bold)
            case CMARK_NODE_LINK:
                let url = cmark_node_get_url(child).map { TextSanitizer.clean(String(cString: $0)) }
                descend(.link, link: url)
            case CMARK_NODE_IMAGE:
                descend(.image)
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_FOOTNOTE_REFERENCE:
                continue
            default:
                descend(extensionType(of: child) == "strikethrough" ? .strikethrough : [])
            }
        }
    }

    /// A code block's text, one sanitised line per line, without the final newline.
    private static func codeText(of block: OpaquePointer) -> InlineText {
        var code = literal(ofRaw: block)
        while code.hasSuffix("\n") { code.removeLast() }
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.clean(String($0)) }
        return InlineText(plain: lines.joined(separator: "\n")).withStyle(.code)
    }

    private static func literal(of node: OpaquePointer) -> String {
        TextSanitizer.clean(literal(ofRaw: node))
    }

    private static func literal(ofRaw node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        return String(cString: pointer)
    }

    // MARK: - cmark helpers

    static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// The type name of a node made by a GFM extension ("table",
    /// "table_header", "table_row", "strikethrough"), whose type ids are
    /// assigned at run time.
    static func extensionType(of node: OpaquePointer) -> String? {
        guard cmark_node_get_syntax_extension(node) != nil, let name = cmark_node_get_type_string(node) else { return nil }
        return String(cString: name)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var characters = Substring(self)
        while let first = characters.first, first.isWhitespace || set.contains(first) { characters = characters.dropFirst() }
        while let last = characters.last, last.isWhitespace || set.contains(last) { characters = characters.dropLast() }
        return String(characters)
    }
}

extension InlineText {
    func withStyle(_ style: InlineStyle) -> InlineText {
        InlineText(spans.map { InlineSpan($0.text, style: $0.style.union(style), link: $0.link) })
    }
}
