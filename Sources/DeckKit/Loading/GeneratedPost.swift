/// A post shaped like a real one, for benchmarks: sections of 5,000 bullets,
/// topics of 50, bold labels, inline code, links and nested details; about
/// 100 bytes a bullet, seeded so every run sees the same text.
///
///     GeneratedPost.text(bullets: 100_000)   // the 10 MB post of benchmarks/run.sh
public enum GeneratedPost {
    public static func text(bullets: Int) -> String {
        var post = "---\ntitle: \"Generated benchmark post\"\ndate: 2026-11-25\ntags:\n- benchmark\n---\n\n"
        let words = ["Amazon", "SageMaker", "throughput", "regularization", "inference", "pipeline",
                     "embedding", "gradient", "latency", "partition", "encoder", "75%", "16 TB"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        func word() -> String {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return words[Int(state >> 33) % words.count]
        }
        for index in 0..<bullets {
            if index % 5000 == 0 { post += "\n## Section \(index / 5000 + 1)\n\n" }
            if index % 50 == 0 { post += "\n### Topic \(index / 50 + 1)\n\n" }
            if index % 50 == 25 { post += "- **Label \(index)**\n" }
            var line = "- Fact \(index): "
            for _ in 0..<9 { line += word() + " " }
            if index % 7 == 0 { line += "uses `code_\(index)` and " }
            if index % 11 == 0 { line += "[docs](https://example.com/\(index)) " }
            line += "end."
            post += line + "\n"
            if index % 13 == 0 { post += "  - detail of \(index)\n" }
        }
        return post
    }
}
