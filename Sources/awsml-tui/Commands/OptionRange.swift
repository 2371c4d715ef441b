import ArgumentParser

/// The values a numeric option accepts, checked by the argument parser as
/// the option is read (its `transform`), so a bad value is one line and
/// status 2 before a post is loaded or a store opened.
///
/// The limits are generous for study and keep every later sum far inside
/// `Int`: `--new-per-day=-9223372036854775808` once reached a subtraction
/// that trapped, and `--exam-minutes 153722867280912` a deadline that
/// overflowed.
///
///     @Option(parsing: .unconditional, help: "At most this many questions (\(OptionRange.questions.text)).",
///             transform: OptionRange.questions.parse)
///     var questions: Int?
///     // --questions 0: "The value '0' is invalid for '--questions <questions>': must be a whole number from 1 to 10,000"
///
/// Numeric options are read with `parsing: .unconditional`, so that `-1`
/// after the option is taken as its (refused) value rather than as an
/// unknown option.
struct OptionRange<Number: FixedWidthInteger & Sendable>: Sendable {
    let range: ClosedRange<Number>
    /// "1 to 10,000", for the help and the error.
    let text: String

    /// A range written with its bounds ("1 to 10,000"), or as `text` says.
    init(_ range: ClosedRange<Number>, text: String? = nil) {
        self.range = range
        self.text = text ?? "\(Self.grouped(range.lowerBound)) to \(Self.grouped(range.upperBound))"
    }

    /// The option's value, or the error the parser reports with it.
    func parse(_ argument: String) throws -> Number {
        guard let value = Number(argument), range.contains(value) else {
            throw ValidationError("must be a whole number from \(text)")
        }
        return value
    }

    /// Digits in threes from the right: 10000 → "10,000".
    private static func grouped(_ number: Number) -> String {
        let digits = String(number.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return number < 0 ? "-" + text : text
    }
}

extension OptionRange where Number == Int {
    /// `--questions`: more than any post here has facts.
    static var questions: Self { Self(1...10_000) }
    /// `--new-per-day`: 0 studies only what is due.
    static var newPerDay: Self { Self(0...10_000) }
    /// `--exam-questions`: a long exam, not an endless one.
    static var examQuestions: Self { Self(1...1_000) }
    /// `--exam-minutes`: up to a day.
    static var examMinutes: Self { Self(1...1_440) }
    /// `--day-starts-at`: an hour of the day.
    static var dayStartHour: Self { Self(0...23) }
    /// `--leech-lapses`: from the first lapse to far more than anyone has.
    static var leechLapses: Self { Self(1...1_000) }
}

extension OptionRange where Number == UInt64 {
    /// `--seed`: any 64-bit seed (twenty digits are too many to read in the help).
    static var seed: Self { Self(0...UInt64.max, text: "0 to 2^64-1") }
}
