import Testing

@Test func placeholdermeetgraph() {}
