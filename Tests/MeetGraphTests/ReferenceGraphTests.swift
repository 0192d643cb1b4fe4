import Testing
@testable import MeetGraph

/// The projection and its measures against NetworkX's values on two classic small networks.
@Suite struct ReferenceGraphTests {
    static let davis = AttendanceGraph(documents: [DavisSouthernWomen.document()])
    static let karate = AttendanceGraph(documents: [KarateClub.document()])

    static func women() -> [PersonID] {
        DavisSouthernWomen.women.map { davis.person(named: $0)! }
    }

    static func members() -> [PersonID] {
        (0..<34).map { karate.person(named: "member \($0)")! }
    }

    @Test func davisHasEighteenWomenFourteenEventsEightyNineAttendances() {
        #expect(Self.davis.people.count == 18)
        #expect(Self.davis.events.count == 14)
        #expect(Self.davis.attendances.count == 89)
    }

    @Test func sharedEventCountsEqualNetworkXWeightedProjection() {
        let projection = CoAttendance(Self.davis)
        let women = Self.women()
        var expectedTies = 0
        for i in women.indices {
            for j in women.indices where i != j {
                let expected = DavisSouthernWomen.sharedEvents[i][j]
                let tie = projection.tie(between: women[i], and: women[j])
                #expect((tie?.weight ?? 0) == Double(expected), "\(DavisSouthernWomen.women[i]) – \(DavisSouthernWomen.women[j])")
                #expect((tie?.count ?? 0) == expected)
                if i < j, expected > 0 { expectedTies += 1 }
            }
        }
        #expect(projection.ties.count == expectedTies)
    }

    @Test func collaborationWeightsEqualNetworkX() {
        let projection = CoAttendance(Self.davis, weighting: .collaboration)
        let women = Self.women()
        for i in women.indices {
            for j in women.indices where i != j {
                let weight = projection.tie(between: women[i], and: women[j])?.weight ?? 0
                #expect(abs(weight - DavisSouthernWomen.collaborationWeights[i][j]) < 1e-12)
            }
        }
    }

    @Test func degreesAreTieCountsAndWeightSums() {
        let projection = CoAttendance(Self.davis)
        let degree = Centrality.degree(in: projection)
        let weighted = Centrality.weightedDegree(in: projection)
        for (i, woman) in Self.women().enumerated() {
            let row = DavisSouthernWomen.sharedEvents[i]
            #expect(degree[woman] == Double(row.filter { $0 > 0 }.count))
            #expect(weighted[woman] == Double(row.reduce(0, +)))
        }
    }

    @Test func davisBetweennessEqualsNetworkX() {
        let scores = Centrality.betweenness(in: CoAttendance(Self.davis))
        for (i, woman) in Self.women().enumerated() {
            #expect(abs(scores[woman] - DavisSouthernWomen.betweenness[i]) < 1e-12, "\(DavisSouthernWomen.women[i])")
        }
    }

    @Test func karateBetweennessEqualsNetworkX() {
        let scores = Centrality.betweenness(in: CoAttendance(Self.karate))
        for (i, member) in Self.members().enumerated() {
            #expect(abs(scores[member] - KarateClub.betweenness[i]) < 1e-12, "member \(i)")
        }
    }

    @Test func unnormalizedBetweennessCountsEachPairOnce() {
        let projection = CoAttendance(Self.karate)
        let normalized = Centrality.betweenness(in: projection)
        let raw = Centrality.betweenness(in: projection, normalized: false)
        let pairs = Double(33 * 32) / 2
        for member in Self.members() {
            #expect(abs(raw[member] / pairs - normalized[member]) < 1e-12)
        }
    }

    @Test func eigenvectorEqualsNetworkXWithinTolerance() throws {
        let davis = try Centrality.eigenvector(in: CoAttendance(Self.davis))
        for (i, woman) in Self.women().enumerated() {
            #expect(abs(davis[woman] - DavisSouthernWomen.eigenvector[i]) < 1e-4)
        }
        let karate = try Centrality.eigenvector(in: CoAttendance(Self.karate))
        for (i, member) in Self.members().enumerated() {
            #expect(abs(karate[member] - KarateClub.eigenvector[i]) < 1e-4)
        }
    }

    @Test func eigenvectorReportsNonConvergence() {
        #expect(throws: GraphError.self) {
            try Centrality.eigenvector(in: CoAttendance(Self.karate), maximumIterations: 3)
        }
    }

    @Test func louvainOnDavisIsAtLeastAsModularAsNetworkX() {
        let projection = CoAttendance(Self.davis)
        let communities = Communities.louvain(projection)
        #expect(communities.modularity >= DavisSouthernWomen.louvainModularity - 1e-9)
        #expect(communities.groups.flatMap { $0 }.sorted() == Self.women().sorted())
        #expect(abs(communities.modularity - Communities.modularity(of: communities.groups, in: projection)) < 1e-12)
    }

    @Test(arguments: [nil, 1, 2, 3, 42] as [UInt64?])
    func louvainOnKarateIsAsModularAsNetworkX(seed: UInt64?) {
        let communities = Communities.louvain(CoAttendance(Self.karate), seed: seed)
        #expect(communities.modularity >= KarateClub.louvainModularityWorst - 1e-9)
        #expect(communities.count >= 3)
    }
}
