using DataGate.Cli;

return DataGateApp.Run(args);
