namespace Echelon.Motion.Imu;

/// <summary>Which IMU CSV layout <see cref="ImuCsvReader"/> reads.</summary>
public enum ImuCsvLayout
{
    /// <summary>
    /// Decide from the input: a folder is a Sensor Logger export; a file whose first non-blank line
    /// starts with a number is the header-less Oxford step-counter layout; any other file is a
    /// Sensor Logger CSV with a header.
    /// </summary>
    Auto = 0,

    /// <summary>
    /// The Oxford step-counter validation traces: no header, seven columns
    /// <c>timestamp_ns, acc_x, acc_y, acc_z, steps_algorithm, steps_ground_truth, steps_hw</c>.
    /// </summary>
    OxfordStepCounter = 1,

    /// <summary>
    /// The CSV export of the Sensor Logger app (Kelvin Choi): one CSV per sensor with a header,
    /// columns found by name; either one acceleration file or an export folder.
    /// </summary>
    SensorLogger = 2,
}
