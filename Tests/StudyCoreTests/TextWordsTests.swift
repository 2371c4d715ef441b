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
}
