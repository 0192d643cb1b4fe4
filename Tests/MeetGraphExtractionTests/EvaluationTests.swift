import Foundation
import MeetGraph
import Testing
@testable import MeetGraphExtraction

@Suite("Evaluation as in score.py")
struct EvaluationTests {
    func counts(_ score: Evaluation.Score) -> [Int] {
        [score.truePositives, score.falsePositives, score.falseNegatives]
    }

    func person(_ name: String, _ roles: Roles, _ titles: [String] = []) -> Participant {
        Participant(name: name, roles: roles, titles: titles)
    }

    /// Gold: one meeting with A (chair) and B, C (attendees); D a reporter.
    var gold: Document {
        Document(document: "a.txt", events: [
            Event(id: "e1", kind: .meeting, name: "常务会议", date: EventDate(month: 5, day: 1),
                  participants: [person("甲一", .chair, ["市长"]), person("乙二", .attendee, ["副市长"]), person("丙三", .attendee)]),
        ], nonParticipants: [NonParticipant(name: "丁四", role: .reporter)])
    }

    @Test func perfectPredictionScoresOne() {
        let evaluation = Evaluation(gold: [gold], predicted: [gold])
        for score in [evaluation.names, evaluation.people, evaluation.attend, evaluation.roles, evaluation.pairs, evaluation.events] {
            #expect(score.f1 == 1)
            #expect(score.falsePositives == 0 && score.falseNegatives == 0)
        }
        #expect(evaluation.titlesAccuracy == 1)
    }

    @Test func countsMatchAHandComputedExample() {
        // Predicted: the meeting with A (chair+speaker), B (attendee, wrong title), E (a wrong person),
        // plus a second event nobody in gold matches; the reporter is missed.
        let predicted = Document(document: "a.txt", events: [
            Event(id: "e1", kind: .meeting, name: "常务会议", date: EventDate(month: 5, day: 1),
                  participants: [person("甲一", [.chair, .speaker], ["市长"]), person("乙二", .attendee, ["市长"]), person("戊五", .attendee)]),
            Event(id: "e2", kind: .visit, name: "调研", date: EventDate(month: 6, day: 2), participants: [person("己六", .attendee)]),
        ])
        let evaluation = Evaluation(gold: [gold], predicted: [predicted])
        // names: gold {甲一,乙二,丙三,丁四}, predicted {甲一,乙二,戊五,己六} → tp 2, fp 2, fn 2.
        #expect(counts(evaluation.names) == [2, 2, 2])
        // attend: gold (0,甲一)(0,乙二)(0,丙三); predicted (0,甲一)(0,乙二)(0,戊五)(-2,己六) → tp 2, fp 2, fn 1.
        #expect(counts(evaluation.attend) == [2, 2, 1])
        // roles: tp (0,甲一,chair)(0,乙二,attendee); fp speaker, 戊五, 己六; fn 丙三 → 2, 3, 1.
        #expect(counts(evaluation.roles) == [2, 3, 1])
        // pairs: gold {甲乙, 甲丙, 乙丙}; predicted {甲乙, 甲戊, 乙戊} → 1, 2, 2.
        #expect(counts(evaluation.pairs) == [1, 2, 2])
        // events: e1 aligned, e2 not → 1, 1, 0.
        #expect(counts(evaluation.events) == [1, 1, 0])
        // titles: 甲一 right, 乙二 wrong → 1 of 2.
        #expect(evaluation.titlesCorrect == 1 && evaluation.titlesCompared == 2)
        // attend F1 for the document: P 2/4, R 2/3 → F1 = 4/7 = 0.5714.
        #expect(evaluation.attendF1ByDocument.first?.f1 == 0.5714)
        #expect(abs(evaluation.attend.f1 - 4.0 / 7.0) < 1e-12)
    }

    @Test func alignmentNeedsASimilarityOfAtLeastAQuarter() {
        // Same date gives 0.3: aligned even with no shared person or character.
        let sameDay = Event(id: "e1", kind: .meeting, name: "甲", date: EventDate(year: 2024, month: 5, day: 1))
        let sameDayOtherYear = Event(id: "e1", kind: .meeting, name: "乙", date: EventDate(month: 5, day: 1))
        #expect(Evaluation.align([sameDay], [sameDayOtherYear]) == [0: 0])
        // Names sharing 1 of 4 characters give 0.075 only: not aligned.
        let a = Event(id: "e1", kind: .meeting, name: "甲乙")
        let b = Event(id: "e1", kind: .meeting, name: "乙丙丁")
        #expect(Evaluation.align([a], [b]).isEmpty)
    }

    @Test func alignmentPrefersTheBestPairThenTheHigherIndex() {
        let gold = [Event(id: "e1", kind: .meeting, name: "会", participants: [person("甲一", .chair)]),
                    Event(id: "e2", kind: .meeting, name: "会", participants: [person("甲一", .chair)])]
        let predicted = [Event(id: "e1", kind: .meeting, name: "会", participants: [person("甲一", .chair)])]
        // Both gold events tie; Python's reverse sort of (score, i, j) picks the higher gold index.
        #expect(Evaluation.align(gold, predicted) == [0: 1])
    }

    @Test func missingPredictionCountsAsEmpty() {
        let evaluation = Evaluation(gold: [gold], predicted: [])
        #expect(evaluation.attend.truePositives == 0 && evaluation.attend.falseNegatives == 3)
        #expect(evaluation.attend.precision == 1)
        #expect(evaluation.report.contains("attend"))
    }
}
