package care.rapport.measures;

/** Where an asking stands. A declined measure is the client's choice and is never asked again. */
public enum AdministrationStatus {

	DUE, COMPLETED, DECLINED, MISSED

}
