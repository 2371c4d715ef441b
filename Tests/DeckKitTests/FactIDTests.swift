import Testing
@testable import DeckKit

@Suite("Fact ids")
struct FactIDTests {
    private func ids(_ text: String) throws -> [String: FactID] {
        let deck = try DeckLoader.load(text: text, file: "ids.md")
        var result: [String: FactID] = [:]
        deck.root.forEachNode { node in
            for fact in node.facts { result[fact.text.plainText] = fact.id }
        }
        return result
    }

    let original = """
        # Alpha
        - one
        - two
        - three
        # Beta
        - four
        - five
        """

    @Test func sha256MatchesTheStandardVectors() {
        let hex = { (bytes: [UInt8]) in bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(hex(SHA256.hash(long)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func editingOneFactLeavesTheOthers() throws {
        let before = try ids(original)
        let after = try ids(original.replacingOccurrences("- two", with: "- two, edited"))
        #expect(after["two, edited"] != before["two"])
        for key in ["one", "three", "four", "five"] { #expect(after[key] == before[key]) }
    }

    @Test func addingAndRemovingFactsLeavesTheOthers() throws {
        let before = try ids(original)
        let added = try ids(original.replacingOccurrences("- one\n", with: "- zero\n- one\n"))
        let removed = try ids(original.replacingOccurrences("- three\n", with: ""))
        for key in ["one", "two", "three", "four", "five"] { #expect(added[key] == before[key]) }
        for key in ["one", "two", "four", "five"] { #expect(removed[key] == before[key]) }
    }

    @Test func reorderingTopicsLeavesEveryId() throws {
        let reordered = "# Beta\n- five\n- four\n# Alpha\n- three\n- one\n- two\n"
        #expect(try ids(reordered) == ids(original))
    }

    @Test func whitespaceAndCaseDoNotChangeAnId() {
        #expect(FactID.make(deck: "D", path: ["T"], text: "Amazon  EMR\n") == FactID.make(deck: "D", path: ["T"], text: "amazon emr"))
        #expect(FactID.make(deck: "D", path: ["T"], text: "x") != FactID.make(deck: "D", path: ["U"], text: "x"))
        #expect(FactID.make(deck: "D", path: ["T"], text: "x") != FactID.make(deck: "E", path: ["T"], text: "x"))
    }
}

extension String {
    /// A small stand-in for Foundation's replacingOccurrences(of:with:).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
