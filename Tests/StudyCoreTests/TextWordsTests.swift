import Testing
@testable import StudyCore
import TestSupport

/// `TextEdits.lowercasedWords` reads ASCII by its bytes: the same words as
/// by `Character`, on any ASCII text.
@Suite("Words of a text")
struct TextWordsTests {
    @Test func asciiByBytesIsTheSameAsByCharacter() {
        var generator = SplitMix(seed: 20261128)
        print("asciiByBytesIsTheSameAsByCharacter: seed 20261128")
        let alphabet = Array((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }) + Array("\r\nAaZz09 _-.")
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(TextEdits.lowercasedWords(text) == TextEdits.lowercasedWordsByCharacter(text), "\(text.debugDescription)")
        }
        #expect(TextEdits.lowercasedWords("Amazon S3's div_euclid, EC2-ready (AMI)") == ["amazon", "s3", "s", "div", "euclid", "ec2", "ready", "ami"])
        // Not ASCII: by Character (Chinese and Japanese are checked by their characters elsewhere).
        #expect(TextEdits.lowercasedWords("Café S3 数据库") == ["café", "s3"])
    }

    /// The parts of identifiers (`ToHex` → "hex"), by bytes for ASCII, are
    /// the parts found by `Character`.
    @Test func identifierPartsByBytesAreThePartsByCharacter() {
        var generator = SplitMix(seed: 20261129)
        print("identifierPartsByBytesAreThePartsByCharacter: seed 20261129")
        let alphabet = Array("abcXYZhexHEX_09 .,-()AaBbQq")
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<30, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(TextEdits.identifierParts(text) == TextEdits.identifierPartsByCharacter(text), "\(text.debugDescription)")
        }
    }

    /// A topic title folded by bytes (ASCII) is the title folded by `Character`.
    @Test func titlesFoldedByBytesAreFoldedByCharacter() {
        var generator = SplitMix(seed: 20261130)
        print("titlesFoldedByBytesAreFoldedByCharacter: seed 20261130")
        let alphabet = Array((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }) + Array("SummaryReferences ;;")
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<30, using: &generator)
            let title = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(QuestionIndex.folded(title) == QuestionIndex.foldedByCharacter(title), "\(title.debugDescription)")
        }
        #expect(QuestionIndex.folded("Section 2: Summary!") == "section 2 summary")
        #expect(QuestionIndex.isGeneric("Integration - Summary") && !QuestionIndex.isGeneric("Amazon S3"))
    }

    /// `SeenTexts` says a text is new exactly when a `Set` of its bytes
    /// would: texts from a small alphabet, so most come back again, some
    /// empty, some long, over the table's growth.
    @Test func seenTextsAgreesWithASet() {
        var generator = SplitMix(seed: 20261131)
        print("seenTextsAgreesWithASet: seed 20261131")
        var seen = SeenTexts(), reference: Set<[UInt8]> = []
        for round in 0..<20_000 {
            let length = round % 97 == 0 ? Int.random(in: 0..<200, using: &generator) : Int.random(in: 0..<5, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0x61...0x63, using: &generator) }
            let isNew = bytes.withUnsafeBufferPointer { seen.insert($0) }
            #expect(isNew == reference.insert(bytes).inserted, "\(bytes)")
        }
        #expect(seen.count == reference.count)
        #expect(reference.count > 300, "the alphabet gives a few hundred texts, most seen again")
    }
}
