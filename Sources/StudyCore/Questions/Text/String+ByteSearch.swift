extension String {
    /// Whether `needle` occurs in the text, compared as UTF-8 bytes.
    ///
    /// `String.contains(_:)` on strings compares characters through the
    /// generic searcher, and the generator asks "does this word hold a
    /// period?" for every word of every option it weighs: that was a sixth
    /// of a question's time. UTF-8 is self-synchronising, so a byte match is
    /// a match of whole characters (short of a combining mark joined onto
    /// the needle's last character, which the questions do not care about).
    func containsBytes(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let found: Bool? = utf8.withContiguousStorageIfAvailable { text in
            guard text.count >= pattern.count else { return false }
            for index in 0...(text.count - pattern.count) where text[index] == first {
                var offset = 1
                while offset < pattern.count && text[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            return false
        }
        // (Native strings are contiguous; a bridged one takes the slow road.)
        return found ?? contains(needle)
    }
}
