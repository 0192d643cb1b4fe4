import Foundation
import MeetGraph

/// Scores predicted documents against gold ones with the metrics of the corpus' `score.py`,
/// computed the same way (same event alignment, same sets), so the numbers agree exactly.
///
/// Metrics are micro-averaged over the gold documents; a gold document without a prediction
/// counts as predicted empty, and predictions without a gold document are ignored.
public struct Evaluation: Sendable {
    /// Precision, recall and F1 of one metric, with the counts they come from.
    public struct Score: Sendable, Hashable {
        /// Items both in gold and predicted.
        public var truePositives = 0
        /// Items predicted but not in gold.
        public var falsePositives = 0
        /// Items in gold but not predicted.
        public var falseNegatives = 0

        /// tp / (tp + fp), 1 when nothing was predicted.
        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        /// tp / (tp + fn), 1 when there was nothing to find.
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        /// Harmonic mean of precision and recall.
        public var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }

        mutating func add<T: Hashable>(gold: Set<T>, predicted: Set<T>) {
            truePositives += gold.intersection(predicted).count
            falsePositives += predicted.subtracting(gold).count
            falseNegatives += gold.subtracting(predicted).count
        }
    }

    /// Person names in the text (participants and non-participants): what a name finder finds.
    public private(set) var names = Score()
    /// Participants per document (anyone who took part in any event).
    public private(set) var people = Score()
    /// (event, participant) pairs over aligned events.
    public private(set) var attend = Score()
    /// (event, participant, role) triples over aligned events.
    public private(set) var roles = Score()
    /// Unordered co-attendance pairs per document.
    public private(set) var pairs = Score()
    /// Events aligned to a gold event, against all predicted and all gold events.
    public private(set) var events = Score()
    /// Aligned participants whose title set equals gold's.
    public private(set) var titlesCorrect = 0
    /// Aligned participants compared for titles.
    public private(set) var titlesCompared = 0
    /// Attend F1 of each gold document, in gold document order.
    public private(set) var attendF1ByDocument: [(document: String, f1: Double)] = []

    /// Title accuracy, nil when no participant could be compared.
    public var titlesAccuracy: Double? {
        titlesCompared == 0 ? nil : Double(titlesCorrect) / Double(titlesCompared)
    }

    /// The documents with the lowest attend F1, worst first (ties in document order), at most `count`.
    public func worstDocuments(_ count: Int = 8) -> [(document: String, f1: Double)] {
        let indexed = attendF1ByDocument.enumerated().sorted { ($0.element.f1, $0.offset) < ($1.element.f1, $1.offset) }
        return indexed.prefix(count).map(\.element)
    }

    /// Scores `predicted` against `gold`, matching documents by file name.
    public init(gold: [Document], predicted: [Document]) {
        var byName: [String: Document] = [:]
        for document in predicted { byName[Self.baseName(document.document)] = document }
        for goldDocument in gold.sorted(by: { Self.baseName($0.document) < Self.baseName($1.document) }) {
            let name = Self.baseName(goldDocument.document)
            let prediction = byName[name] ?? Document(document: name)
            score(goldDocument, prediction, name: name)
        }
    }

    private static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private mutating func score(_ gold: Document, _ prediction: Document, name: String) {
        let goldNames = Set(gold.events.flatMap { $0.participants.map(\.name) }).union(gold.nonParticipants.map(\.name))
        let predictedNames = Set(prediction.events.flatMap { $0.participants.map(\.name) }).union(prediction.nonParticipants.map(\.name))
        names.add(gold: goldNames, predicted: predictedNames)

        let alignment = Self.align(gold.events, prediction.events)
        people.add(gold: Set(gold.events.flatMap { $0.participants.map(\.name) }),
                   predicted: Set(prediction.events.flatMap { $0.participants.map(\.name) }))

        struct Pair: Hashable { var event: Int; var name: String }
        struct Triple: Hashable { var event: Int; var name: String; var role: Role }
        func eventIndex(_ j: Int) -> Int { alignment[j] ?? (-1 - j) }

        var goldAttend = Set<Pair>(), predictedAttend = Set<Pair>()
        var goldRoles = Set<Triple>(), predictedRoles = Set<Triple>()
        for (i, event) in gold.events.enumerated() {
            for participant in event.participants {
                goldAttend.insert(Pair(event: i, name: participant.name))
                for role in participant.roles.sorted { goldRoles.insert(Triple(event: i, name: participant.name, role: role)) }
            }
        }
        for (j, event) in prediction.events.enumerated() {
            for participant in event.participants {
                predictedAttend.insert(Pair(event: eventIndex(j), name: participant.name))
                for role in participant.roles.sorted { predictedRoles.insert(Triple(event: eventIndex(j), name: participant.name, role: role)) }
            }
        }
        attend.add(gold: goldAttend, predicted: predictedAttend)
        roles.add(gold: goldRoles, predicted: predictedRoles)
        pairs.add(gold: Self.coAttendancePairs(gold.events), predicted: Self.coAttendancePairs(prediction.events))
        events.add(gold: Set(gold.events.indices), predicted: Set(prediction.events.indices.map(eventIndex)))

        for (j, event) in prediction.events.enumerated() {
            guard let i = alignment[j] else { continue }
            var goldTitles: [String: Set<String>] = [:]
            for participant in gold.events[i].participants { goldTitles[participant.name] = Set(participant.titles) }
            for participant in event.participants {
                guard let expected = goldTitles[participant.name] else { continue }
                titlesCompared += 1
                if Set(participant.titles) == expected { titlesCorrect += 1 }
            }
        }
        var documentScore = Score()
        documentScore.add(gold: goldAttend, predicted: predictedAttend)
        attendF1ByDocument.append((name, Self.rounded(documentScore.f1)))
    }

    private struct NamePair: Hashable {
        var first: String
        var second: String
    }

    private static func coAttendancePairs(_ events: [Event]) -> Set<NamePair> {
        var result = Set<NamePair>()
        for event in events {
            let people = Set(event.participants.map(\.name)).sorted()
            for a in people.indices {
                for b in people.indices where b > a { result.insert(NamePair(first: people[a], second: people[b])) }
            }
        }
        return result
    }

    /// score.py's similarity: Jaccard of participant names, plus 0.3 when the dates agree on
    /// month and day, plus 0.3 × the Jaccard of the names' characters.
    static func similarity(_ gold: Event, _ predicted: Event) -> Double {
        let goldPeople = Set(gold.participants.map(\.name)), predictedPeople = Set(predicted.participants.map(\.name))
        let union = goldPeople.union(predicted.participants.map(\.name))
        let jaccard = union.isEmpty ? 0.0 : Double(goldPeople.intersection(predictedPeople).count) / Double(union.count)
        let goldDate = gold.date?.description ?? "", predictedDate = predicted.date?.description ?? ""
        var date = 0.0
        if !goldDate.isEmpty, !predictedDate.isEmpty,
           goldDate.hasSuffix(String(predictedDate.suffix(5))) || predictedDate.hasSuffix(String(goldDate.suffix(5))) {
            date = 0.3
        }
        let goldCharacters = Set(gold.name.unicodeScalars), predictedCharacters = Set(predicted.name.unicodeScalars)
        let characters = goldCharacters.union(predictedCharacters)
        let name = characters.isEmpty ? 0.0 : 0.3 * Double(goldCharacters.intersection(predictedCharacters).count) / Double(characters.count)
        return jaccard + date + name
    }

    /// score.py's greedy one-to-one alignment: predicted index → gold index.
    static func align(_ gold: [Event], _ predicted: [Event]) -> [Int: Int] {
        var candidates: [(score: Double, gold: Int, predicted: Int)] = []
        for (i, g) in gold.enumerated() {
            for (j, p) in predicted.enumerated() { candidates.append((similarity(g, p), i, j)) }
        }
        // Python sorts the (score, i, j) tuples in reverse: highest score, then highest i, then highest j.
        candidates.sort { ($0.score, $0.gold, $0.predicted) > ($1.score, $1.gold, $1.predicted) }
        var usedGold = Set<Int>(), usedPredicted = Set<Int>()
        var result: [Int: Int] = [:]
        for candidate in candidates {
            if candidate.score < 0.25 || usedGold.contains(candidate.gold) || usedPredicted.contains(candidate.predicted) { continue }
            usedGold.insert(candidate.gold)
            usedPredicted.insert(candidate.predicted)
            result[candidate.predicted] = candidate.gold
        }
        return result
    }

    /// Python's `round(x, 4)`.
    static func rounded(_ value: Double) -> Double {
        (value * 10000).rounded(.toNearestOrEven) / 10000
    }

    /// A table like score.py prints: one line per metric, title accuracy and the worst documents.
    public var report: String {
        summary + "\nworst docs (attend F1): "
            + worstDocuments().map { "\($0.document)=\(Self.format($0.f1))" }.joined(separator: ", ")
    }

    /// The aggregate lines of ``report`` alone, without naming any document: what may be looked at
    /// for a frozen test split.
    public var summary: String {
        func row(_ label: String, _ score: Score) -> String {
            let padded = label.padding(toLength: 8, withPad: " ", startingAt: 0)
            return "\(padded) P=\(Self.format(score.precision)) R=\(Self.format(score.recall)) F1=\(Self.format(score.f1))"
                + "  tp=\(score.truePositives) fp=\(score.falsePositives) fn=\(score.falseNegatives)"
        }
        var lines = [row("names", names), row("people", people), row("attend", attend), row("roles", roles),
                     row("pairs", pairs), row("events", events)]
        lines.append("titles   acc=\(titlesAccuracy.map(Self.format) ?? "n/a") n=\(titlesCompared)")
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
