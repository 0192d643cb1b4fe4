import MeetGraph
