import Testing
@testable import StudyCore

/// Typed answers: spacing and punctuation do not make an answer wrong, but
/// numbers must be exact.
@Suite("Typed answers")
struct TypedAnswerTests {
    func accepts(_ typed: String, _ answer: String) -> Bool { TypedAnswer.judge(typed, against: answer).isAccepted }

    @Test func punctuationAndSpacingAreIgnored() {
        #expect(accepts("IO", "I/O"))
        #expect(accepts("i / o", "I/O"))
        #expect(accepts("email", "e-mail"))
        #expect(accepts("e-mail", "email"))
        #expect(accepts("autoscaling", "Auto Scaling"))
        #expect(accepts("Auto-Scaling", "Auto Scaling"))
        #expect(TypedAnswer.judge("IO", against: "I/O").isExact)
        // Letters still count: "OI" is not "I/O", and a two-letter answer has no typo allowance.
        #expect(!accepts("OI", "I/O"))
        #expect(!accepts("I", "I/O"))
    }

    @Test func numbersStayExact() {
        #expect(!accepts("100", "10"))
        #expect(!accepts("10", "100"))
        #expect(!accepts("15", "1.5"))
        #expect(!accepts("1 5", "15"))
        #expect(accepts("1.5", "1.5"))
        #expect(accepts("10 GB", "10GB"))
        #expect(!accepts("76%", "75%"))
        #expect(!accepts("75", "75%")) // the percent sign is part of the answer
    }

    @Test func symbolsThatNameSomethingElseStay() {
        #expect(!accepts("C", "C++"))
        #expect(!accepts("C", "C#"))
    }
}
