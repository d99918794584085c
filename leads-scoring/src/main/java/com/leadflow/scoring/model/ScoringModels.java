package com.leadflow.scoring.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.leadflow.scoring.engine.CompiledModel;

import tools.jackson.databind.json.JsonMapper;

/** The stored scoring models (table {@code scoring_model}); compiled active models are cached by id (immutable). */
@Repository
public class ScoringModels {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Map<Long, Cached> compiled = new ConcurrentHashMap<>();

	ScoringModels(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<ScoringModel> byId(long id) {
		return jdbc.sql("select * from scoring_model where id = ?").param(id).query(this::map).optional();
	}

	public Optional<ScoringModel> byIdForUpdate(long id) {
		return jdbc.sql("select * from scoring_model where id = ? for update").param(id).query(this::map).optional();
	}

	public List<ScoringModel> all(String scope, ModelStatus status) {
		return jdbc.sql("""
				select * from scoring_model
				where (cast(:scope as text) is null or scope = :scope) and (cast(:status as text) is null or status = :status)
				order by scope, version desc""")
			.param("scope", scope)
			.param("status", status == null ? null : status.name())
			.query(this::map)
			.list();
	}

	public ScoringModel insertDraft(String scope, String name, ModelDefinition definition) {
		long id = jdbc.sql("""
				insert into scoring_model (scope, version, name, status, definition)
				values (:scope, coalesce((select max(version) from scoring_model where scope = :scope), 0) + 1,
				        :name, 'DRAFT', cast(:definition as jsonb))
				returning id""")
			.param("scope", scope)
			.param("name", name)
			.param("definition", json.writeValueAsString(definition))
			.query(Long.class)
			.single();
		return byId(id).orElseThrow();
	}

	/** Inserts the shipped model as the active one of its scope unless the scope already has an active model. */
	public void insertActiveIfAbsent(String scope, String name, ModelDefinition definition) {
		jdbc.sql("""
				insert into scoring_model (scope, version, name, status, definition, activated_at)
				select :scope, coalesce((select max(version) from scoring_model where scope = :scope), 0) + 1, :name,
				       'ACTIVE', cast(:definition as jsonb), now()
				where not exists (select 1 from scoring_model where scope = :scope and status = 'ACTIVE')
				on conflict do nothing""")
			.param("scope", scope)
			.param("name", name)
			.param("definition", json.writeValueAsString(definition))
			.update();
	}

	public void updateDraft(long id, String name, ModelDefinition definition) {
		jdbc.sql("update scoring_model set name = :name, definition = cast(:definition as jsonb), updated_at = now() where id = :id and status = 'DRAFT'")
			.param("id", id)
			.param("name", name)
			.param("definition", json.writeValueAsString(definition))
			.update();
	}

	public void deleteDraft(long id) {
		jdbc.sql("delete from scoring_model where id = ? and status = 'DRAFT'").param(id).update();
	}

	/** Retires the scope's active model (if any) and activates this one, in the caller's transaction. */
	public void activate(long id, String scope) {
		jdbc.sql("update scoring_model set status = 'RETIRED', retired_at = now(), updated_at = now() where scope = ? and status = 'ACTIVE'")
			.param(scope)
			.update();
		jdbc.sql("update scoring_model set status = 'ACTIVE', activated_at = now(), updated_at = now() where id = ?")
			.param(id)
			.update();
	}

	/** The active model of a scope as a reference: its id and when it last changed. */
	public record ActiveRef(long id, Instant updatedAt) {
	}

	/** Active models by scope: one small query, so every node sees an activation at once. */
	public Map<String, ActiveRef> activeByScope() {
		Map<String, ActiveRef> ids = new java.util.HashMap<>();
		jdbc.sql("select scope, id, updated_at from scoring_model where status = 'ACTIVE'")
			.query((ResultSet rs) -> {
				ids.put(rs.getString(1), new ActiveRef(rs.getLong(2), rs.getTimestamp(3).toInstant()));
			});
		return ids;
	}

	/** The compiled form of an active model (cached while its row is unchanged). */
	public CompiledModel compiled(ActiveRef ref) {
		Cached cached = compiled.get(ref.id());
		return cached != null && cached.updatedAt().equals(ref.updatedAt()) ? cached.model() : load(ref.id());
	}

	/**
	 * The compiled form of a model that has scored leads (active or retired: no longer editable), to explain their
	 * scores; cached by id whatever its row's later changes (activating and retiring change no rule).
	 */
	public CompiledModel compiled(long id) {
		Cached cached = compiled.get(id);
		return cached != null ? cached.model() : load(id);
	}

	/** Reads, compiles and caches a model. */
	private CompiledModel load(long id) {
		ScoringModel stored = byId(id).orElseThrow(() -> ScoringProblems.notFound("Scoring model " + id));
		CompiledModel model = compile(stored);
		compiled.put(id, new Cached(stored.updatedAt(), model));
		return model;
	}

	private record Cached(Instant updatedAt, CompiledModel model) {
	}

	public static CompiledModel compile(ScoringModel model) {
		return CompiledModel.compile(model.id(), model.scope(), model.version(), model.definition());
	}

	private ScoringModel map(ResultSet rs, int row) throws SQLException {
		return new ScoringModel(rs.getLong("id"), rs.getString("scope"), rs.getInt("version"), rs.getString("name"),
				ModelStatus.valueOf(rs.getString("status")),
				json.readValue(rs.getString("definition"), ModelDefinition.class), instant(rs, "created_at"),
				instant(rs, "updated_at"), instant(rs, "activated_at"), instant(rs, "retired_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
