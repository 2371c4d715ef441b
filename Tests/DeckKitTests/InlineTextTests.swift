import Testing
@testable import DeckKit

/// `InlineText` keeps its spans encoded (`InlineTextEncoding`): what goes in
/// must come out span for span, and equality must still be the spans'.
@Suite("Inline text encoding")
struct InlineTextTests {
    /// Spans with every style, links, empty texts, non-ASCII text and
    /// lengths past one varint byte (127).
    static let spans: [InlineSpan] = [
        InlineSpan("Recall", style: .bold),
        InlineSpan(""),
        InlineSpan(" is TP / (TP + FN) — 再現率 👩‍💻 ", style: [.italic, .strikethrough]),
        InlineSpan("the docs", style: .link, link: "https://aws.amazon.com/" + String(repeating: "a", count: 200)),
        InlineSpan(String(repeating: "long ", count: 100), style: .code),
        InlineSpan("a diagram", style: .image, link: ""),
    ]

    @Test func spansComeBackAsTheyWent() {
        let text = InlineText(Self.spans)
        #expect(text.spans == Self.spans)
        #expect(text.plainText == Self.spans.map(\.text).joined())
        #expect(text.plainUTF8Count == Self.spans.map(\.text.utf8.count).reduce(0, +))
        #expect(InlineText().spans.isEmpty && InlineText().plainText.isEmpty && InlineText().isEmpty)
        #expect(InlineText([InlineSpan("")]).isEmpty && InlineText([InlineSpan("")]).spans == [InlineSpan("")])
    }

    @Test func equalityIsTheSpans() {
        // One span or two of the same style are different texts, as they were as arrays.
        #expect(InlineText([InlineSpan("ab")]) != InlineText([InlineSpan("a"), InlineSpan("b")]))
        #expect(InlineText([InlineSpan("a", style: .bold)]) != InlineText([InlineSpan("a")]))
        #expect(InlineText([InlineSpan("a", style: .link, link: "x")]) != InlineText([InlineSpan("a", style: .link, link: "y")]))
        #expect(InlineText([InlineSpan("a", link: "")]) != InlineText([InlineSpan("a")]))
        #expect(InlineText(Self.spans) == InlineText(Self.spans))
        var edited = InlineText(Self.spans)
        edited.spans[0].text = "Precision"
        #expect(edited.spans[0] == InlineSpan("Precision", style: .bold))
        #expect(edited.spans.dropFirst() == Self.spans.dropFirst())
    }

    @Test func appendMergesAndTrimmedDropsSpaces() {
        var text = InlineText(plain: "  Amazon")
        text.append(InlineSpan(" EMR "))
        text.append(InlineSpan("fast", style: .bold))
        text.append(InlineSpan("", style: .code))
        text.append(InlineSpan(" \n", style: .bold))
        #expect(text.spans == [InlineSpan("  Amazon EMR "), InlineSpan("fast \n", style: .bold)])
        #expect(text.trimmed().spans == [InlineSpan("Amazon EMR "), InlineSpan("fast", style: .bold)])
        #expect(InlineText(plain: " \t ").trimmed().spans.isEmpty)
    }

    @Test func stylesAreFoundWithoutDecoding() {
        let text = InlineText(Self.spans)
        #expect(text.containsSpan(styledAny: .link))
        #expect(text.containsSpan(styledAny: [.bold, .code]))
        #expect(!InlineText(plain: "plain").containsSpan(styledAny: [.bold, .code, .link]))
        #expect(!InlineText().containsSpan(styledAny: .bold))
    }

    /// The texts of the spans of some styles, read in place, are those the
    /// decoded spans give, in order (links with long targets skipped over).
    @Test func theTextsOfStyledSpansAreReadInPlace() {
        let text = InlineText(Self.spans)
        for styles: InlineStyle in [[.bold, .code], .link, .image, [.italic], .strikethrough, [], .bold] {
            var read: [String] = []
            text.forEachSpanText(styledAny: styles) { read.append($0) }
            #expect(read == text.spans.filter { !$0.style.isDisjoint(with: styles) }.map(\.text))
        }
        var read: [String] = []
        text.forEachSpanText(styledAny: [.bold, .code]) { read.append($0) }
        #expect(read == ["Recall", String(repeating: "long ", count: 100)])
        InlineText().forEachSpanText(styledAny: .bold) { read.append($0) }
        #expect(read.count == 2)
    }
}
