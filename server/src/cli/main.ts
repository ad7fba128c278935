console.log("pbx-interconnect: not yet");
