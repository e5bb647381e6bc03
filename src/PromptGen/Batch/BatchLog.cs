using Microsoft.Extensions.Logging;

namespace PromptGen.Batch;

/// <summary>Batch runs' log lines (category set by the caller's logger): one per engine decision and per job state change.</summary>
internal static partial class BatchLog
{
    [LoggerMessage(EventId = 101, EventName = "BatchEngineChosen", Level = LogLevel.Information,
        Message = "Batch run {RunId} of {PromptName} on {ModelId}: {Engine} ({Reason})")]
    public static partial void EngineChosen(ILogger logger, string runId, string promptName, string modelId, BatchEngine engine, string reason);

    [LoggerMessage(EventId = 102, EventName = "BatchJobCreated", Level = LogLevel.Information,
        Message = "Batch job {JobArn} created with {Records} records in {Files} files")]
    public static partial void JobCreated(ILogger logger, string jobArn, long records, int files);

    [LoggerMessage(EventId = 103, EventName = "BatchJobStateChanged", Level = LogLevel.Information,
        Message = "Batch job {JobArn} is {Status}{Detail}")]
    public static partial void JobStateChanged(ILogger logger, string jobArn, string status, string detail);

    [LoggerMessage(EventId = 104, EventName = "BatchJobStopping", Level = LogLevel.Warning,
        Message = "Batch job {JobArn}: the run was canceled; stopping the job")]
    public static partial void JobStopping(ILogger logger, string jobArn);

    [LoggerMessage(EventId = 105, EventName = "BatchOutputLineUnusable", Level = LogLevel.Warning,
        Message = "Batch job {JobArn}: a line of {Key} cannot be read: {Problem}")]
    public static partial void OutputLineUnusable(ILogger logger, string jobArn, string key, string problem);

    [LoggerMessage(EventId = 106, EventName = "BatchRecordRepaired", Level = LogLevel.Debug,
        Message = "Batch run {RunId}: record {RecordId}'s invalid answer repaired on demand: {Succeeded} after {Repairs} repair calls")]
    public static partial void RecordRepaired(ILogger logger, string runId, string recordId, bool succeeded, int repairs);
}
