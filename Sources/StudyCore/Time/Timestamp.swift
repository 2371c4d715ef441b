/// A moment in time as whole milliseconds since 1970-01-01T00:00:00Z (UTC).
///
/// The store writes it as ISO-8601 with milliseconds, which sorts as text:
///
///     Timestamp(milliseconds: 1_764_062_053_000).iso8601   // "2025-11-25T09:14:13.000Z"
///     Timestamp(iso8601: "2025-11-25T09:14:13.000Z")        // the same moment
///
/// No module reads the clock itself: the composition root passes `now` in.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public init(seconds: Int64) {
        self.milliseconds = seconds * 1000
    }

    public static let millisecondsPerDay: Int64 = 86_400_000

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.milliseconds < rhs.milliseconds }

    public var description: String { iso8601 }

    /// This moment moved by `milliseconds` (negative: earlier).
    public func adding(milliseconds delta: Int64) -> Timestamp {
        Timestamp(milliseconds: milliseconds + delta)
    }

    /// Whole 24-hour periods from `earlier` to this moment, rounded down, as
    /// Python's `timedelta.days` does.
    public func wholeDays(since earlier: Timestamp) -> Int64 {
        let delta = milliseconds - earlier.milliseconds
        return delta >= 0 ? delta / Self.millisecondsPerDay : -((-delta + Self.millisecondsPerDay - 1) / Self.millisecondsPerDay)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public var iso8601: String {
        let (days, dayMilliseconds) = Self.floorDivide(milliseconds, Self.millisecondsPerDay)
        let (year, month, day) = Self.civilDate(fromDays: days)
        let hours = dayMilliseconds / 3_600_000
        let minutes = dayMilliseconds / 60_000 % 60
        let seconds = dayMilliseconds / 1000 % 60
        let millis = dayMilliseconds % 1000
        return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T"
            + "\(Self.pad(hours, 2)):\(Self.pad(minutes, 2)):\(Self.pad(seconds, 2)).\(Self.pad(millis, 3))Z"
    }

    /// The calendar day (UTC) as `YYYY-MM-DD`.
    public var isoDate: String {
        String(iso8601.prefix(10))
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff]Z`; nil for anything else.
    /// The same from UTF-8 bytes (a store's column, read in place).
    public init?(iso8601 bytes: UnsafeBufferPointer<UInt8>) {
        guard let milliseconds = Self.milliseconds(iso8601: bytes) else { return nil }
        self.milliseconds = milliseconds
    }

    public init?(iso8601 text: String) {
        // On the string's own UTF-8 (no copy): a store's cards hold two or
        // three of these each, read by the hundred thousand at start-up.
        var text = text
        guard let milliseconds = text.withUTF8({ Self.milliseconds(iso8601: $0) }) else { return nil }
        self.milliseconds = milliseconds
    }

    /// (By two-digit fields at fixed places, each byte checked once: a
    /// store's cards are two or three of these each, and the opening of a
    /// store of 90,000 cards parsed 180,000 of them.)
    private static func milliseconds(iso8601 bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let count = bytes.count
        guard count >= 20, bytes[count - 1] == UInt8(ascii: "Z"),
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
        /// The two digits at `index` as a number; -1 unless both are digits.
        func pair(_ index: Int) -> Int64 {
            let high = bytes[index] &- 0x30, low = bytes[index + 1] &- 0x30
            return high < 10 && low < 10 ? Int64(high) * 10 + Int64(low) : -1
        }
        let century = pair(0), yearOfCentury = pair(2)
        let month = pair(5), day = pair(8), hour = pair(11), minute = pair(14), second = pair(17)
        guard century >= 0, yearOfCentury >= 0, (1...12).contains(month), (1...31).contains(day),
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(second) else { return nil }
        var millis: Int64 = 0
        if bytes[19] == UInt8(ascii: ".") {
            let digits = count - 21
            guard digits >= 1, digits <= 9 else { return nil }
            var fraction: Int64 = 0
            for index in 20..<(count - 1) {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                fraction = fraction * 10 + Int64(digit)
            }
            for _ in 0..<abs(digits - 3) { fraction = digits > 3 ? fraction / 10 : fraction * 10 }
            millis = fraction
        } else if count != 20 {
            return nil
        }
        let days = Self.days(fromCivilYear: century * 100 + yearOfCentury, month: month, day: day)
        return days * Self.millisecondsPerDay + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis
    }

    // MARK: - Calendar arithmetic (Howard Hinnant's days-from-civil)

    public static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }

    static func civilDate(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097).0
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func days(fromCivilYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(adjustedYear, 400).0
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
