import Testing

@Test func placeholderMeetGraphRender() {}
